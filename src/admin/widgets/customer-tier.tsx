// The customer's loyalty tier: where they stand, how far the next tier is,
// pinning and unpinning, and the history. Its parts live in
// src/admin/components/customer-tier/: Medusa's admin loads every file under
// src/admin/widgets (subfolders too) as a widget.
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { CurrentTier, TierNotes, useBriefName } from "../components/customer-tier/current-tier"
import { TierHistory } from "../components/customer-tier/history"
import { PinForm, PinMode } from "../components/customer-tier/pin-form"
import { NextTier } from "../components/customer-tier/progress"
import { useCustomerTier } from "../components/customer-tier/use-customer-tier"
import { useErrorText } from "../lib/api"
import { useLoyaltyTranslation } from "../lib/i18n"
import { TierText } from "../lib/tier-format"

const CustomerTierWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const { view, tiers, labels, error } = useCustomerTier(customer.id)
  const name = useBriefName(tiers)
  // Each opening mounts a fresh form.
  const [panel, setPanel] = useState<{ mode: PinMode; open: boolean; key: number }>({
    mode: "pin",
    open: false,
    key: 0,
  })
  const openPanel = (mode: PinMode) =>
    setPanel((p) => ({ mode, open: true, key: p.key + 1 }))

  const who = customer.first_name || customer.email
  const current = view?.tier ? tiers.find((x) => x.id === view.tier!.id) : undefined
  const next = view?.next_tier ? tiers.find((x) => x.id === view.next_tier!.id) : undefined
  const belowCurrent =
    !!view?.current &&
    ((view.current.spend_needed != null && view.current.spend_needed !== "0") ||
      (view.current.orders_needed ?? 0) > 0)

  return (
    <Container
      className="divide-y p-0"
      data-testid="customer-tier"
      data-loyalty-widget="customer-tier"
    >
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">{t("tiers.customer.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("tiers.customer.description")}
          </Text>
        </div>
        {view && tiers.length > 0 && (
          <div className="flex shrink-0 items-center gap-x-2">
            {view.pinned && (
              <Button
                size="small"
                variant="secondary"
                onClick={() => openPanel("unpin")}
                data-testid="customer-tier-unpin"
              >
                {t("tiers.customer.unpin.open")}
              </Button>
            )}
            <Button
              size="small"
              variant="secondary"
              onClick={() => openPanel("pin")}
              data-testid="customer-tier-pin"
            >
              {view.pinned ? t("tiers.customer.pin.change") : t("tiers.customer.pin.open")}
            </Button>
          </div>
        )}
      </div>

      {!view ? (
        <div className="px-6 py-4">
          <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {error ? errorText(error) : t("common.states.loading")}
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
          />
          <TierNotes view={view} tiers={tiers} />
          {view.next_tier && next ? (
            <NextTier progress={view.next_tier} tier={next} />
          ) : view.tier ? (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                <TierText i18nKey="tiers.customer.highest" values={{ tier: name(view.tier) }} />
              </Text>
            </div>
          ) : null}
          <TierHistory history={view.history} labels={labels} tiers={tiers} />
          <PinForm
            key={panel.key}
            mode={panel.mode}
            open={panel.open}
            onOpenChange={(open) => setPanel((p) => ({ ...p, open }))}
            customerId={customer.id}
            who={who}
            view={view}
            tiers={tiers}
          />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerTierWidget
