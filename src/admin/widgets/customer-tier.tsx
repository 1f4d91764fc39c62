// The customer's loyalty tier: where they stand, how far the next tier is,
// pinning and unpinning, and the history. Its parts live in
// src/admin/components/customer-tier/: Medusa's admin loads every file under
// src/admin/widgets (subfolders too) as a widget.
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import {
  CurrentTier,
  TierNotes,
} from "../components/customer-tier/current-tier"
import { TierHistory } from "../components/customer-tier/history"
import { PinForm } from "../components/customer-tier/pin-form"
import { NextTier } from "../components/customer-tier/progress"
import { useCustomerTier } from "../components/customer-tier/use-customer-tier"
import { CustomerTier, errorMessage, formatMoney, sdk } from "../lib/client"

const CustomerTierWidget = ({
  data: customer,
}: DetailWidgetProps<AdminCustomer>) => {
  const { view, tiers, labels, error, show } = useCustomerTier(customer.id)
  const [panel, setPanel] = useState<"pin" | "unpin" | null>(null)
  const [pinTier, setPinTier] = useState("")
  const [note, setNote] = useState("")
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const who = customer.first_name || customer.email

  const openPanel = (which: "pin" | "unpin") => {
    setPanel(which)
    setNote("")
    setFormError(null)
    setPinTier(view?.tier?.id ?? "")
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFormError(null)
    const pinned = panel === "pin"
    if (pinned && !pinTier) {
      setFormError("Choose the tier to pin the customer to.")
      return
    }
    setBusy(true)
    try {
      const { customer_tier } = await sdk.client.fetch<{
        customer_tier: CustomerTier
      }>(`/admin/loyalty/customers/${customer.id}/tier`, {
        method: "POST",
        body: pinned
          ? { pinned, tier_id: pinTier, note: note.trim() || null }
          : { pinned, note: note.trim() || null },
      })
      await show(customer_tier)
      setPanel(null)
      toast.success(
        pinned
          ? `Pinned ${who} to ${customer_tier.tier?.name ?? "the tier"}`
          : `Unpinned ${who}: now ${customer_tier.tier?.name ?? "no tier"}`
      )
    } catch (e) {
      setFormError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const currency = view?.currency_code ?? tiers[0]?.currency_code ?? null
  const money = (amount: string) =>
    currency ? formatMoney(amount, currency) : amount
  const tierById = new Map(tiers.map((t) => [t.id, t]))
  const current = view?.tier ? tierById.get(view.tier.id) : undefined
  const next = view?.next_tier ? tierById.get(view.next_tier.id) : undefined
  const belowCurrent =
    !!view?.current &&
    ((view.current.spend_needed != null && view.current.spend_needed !== "0") ||
      (view.current.orders_needed ?? 0) > 0)

  return (
    <Container className="divide-y p-0" data-testid="customer-tier">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Loyalty tier</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The club level this customer's orders reach, and how it changed.
          </Text>
        </div>
        {view && tiers.length > 0 && (
          <div className="flex shrink-0 items-center gap-x-2">
            {view.pinned && (
              <Button
                size="small"
                variant="secondary"
                onClick={() => openPanel("unpin")}
              >
                Unpin
              </Button>
            )}
            <Button
              size="small"
              variant="secondary"
              onClick={() => openPanel("pin")}
            >
              {view.pinned ? "Change pin" : "Pin to tier"}
            </Button>
          </div>
        )}
      </div>

      {!view ? (
        <div className="px-6 py-4">
          <Text
            size="small"
            className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"}
          >
            {error ?? "Loading…"}
          </Text>
        </div>
      ) : (
        <>
          <CurrentTier
            view={view}
            tiers={tiers}
            current={current}
            next={next}
            belowCurrent={belowCurrent}
            money={money}
          />

          <TierNotes view={view} money={money} />

          {view.next_tier && next ? (
            <NextTier progress={view.next_tier} tier={next} money={money} />
          ) : view.tier ? (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                {view.tier.name} is the highest tier.
              </Text>
            </div>
          ) : null}

          {panel && (
            <PinForm
              panel={panel}
              tiers={tiers}
              who={who}
              qualifiesFor={view.qualifies_for?.name}
              pinTier={pinTier}
              onPinTierChange={setPinTier}
              note={note}
              onNoteChange={setNote}
              error={formError}
              busy={busy}
              onSubmit={submit}
              onCancel={() => setPanel(null)}
            />
          )}

          <TierHistory history={view.history} labels={labels} />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerTierWidget
