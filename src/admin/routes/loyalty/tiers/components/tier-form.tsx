// The tier form's shell: the drawer, the form's state and its submit. Its
// sections and state live in tier-form/ beside this file.
import { Button, Drawer, Text, Textarea } from "@medusajs/ui"
import { FormEvent, useMemo, useState } from "react"
import { FormField, InputField } from "../../../../components/form-field"
import { errorMessage, sdk, Tier } from "../../../../lib/client"
import { fieldInMessage } from "../../../../lib/settings-form"
import { BenefitsSection } from "./tier-form/benefits-section"
import {
  changedInput,
  FormState,
  initialState,
  MESSAGE_FIELDS,
  toInput,
} from "./tier-form/form-state"
import { QualifiesSection } from "./tier-form/qualifies-section"

type Props = {
  open: boolean
  /** The tier to edit; null to create one. */
  tier: Tier | null
  /** All of the shop's tiers, for the defaults (next rank, the currency). */
  tiers: Tier[]
  /** The store's currencies. */
  currencies: string[]
  onOpenChange: (open: boolean) => void
  onSaved: (tier: Tier) => void
}

export const TierForm = ({
  open,
  tier,
  tiers,
  currencies,
  onOpenChange,
  onSaved,
}: Props) => {
  // Each opening mounts a fresh form whose first render already holds the
  // tier. Filled in by an effect instead, the form first rendered the tier
  // opened before (or none) and then changed the currency under its select;
  // when the store's currencies had not loaded yet, Radix answered that with
  // "" and the save was refused, the currency locked empty.
  const [opening, setOpening] = useState(0)
  const [wasOpen, setWasOpen] = useState(open)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (open) {
      setOpening((n) => n + 1)
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <TierFormBody
          key={opening}
          tier={tier}
          tiers={tiers}
          currencies={currencies}
          onSaved={onSaved}
        />
      </Drawer.Content>
    </Drawer>
  )
}

const TierFormBody = ({
  tier,
  tiers,
  currencies,
  onSaved,
}: Omit<Props, "open" | "onOpenChange">) => {
  const others = useMemo(
    () => tiers.filter((t) => t.id !== tier?.id),
    [tiers, tier]
  )
  // Read once: a reload of the list or late currencies must not reset typing.
  const [state, setState] = useState<FormState>(() =>
    initialState(tier, others, currencies)
  )
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // The field a message names first ("min_spend of Gold must be...").
  const badField = error ? fieldInMessage(error, MESSAGE_FIELDS) : null
  const invalid = (field: string) => badField === field || undefined

  // Editing the field the API complained about clears its message.
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }))
    if (badField && badField === key) {
      setError(null)
    }
  }

  // All tiers count spend in one currency: it is fixed once a tier exists.
  const currencyLocked = others.length > 0

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    let body
    try {
      // An edit sends only what changed: nothing else can be rewritten.
      body = tier
        ? changedInput(state, tier, others, currencies)
        : toInput(state)
    } catch (e) {
      setError(errorMessage(e))
      return
    }
    setBusy(true)
    try {
      const { tier: saved } = await sdk.client.fetch<{ tier: Tier }>(
        tier ? `/admin/loyalty/tiers/${tier.id}` : "/admin/loyalty/tiers",
        { method: "POST", body }
      )
      onSaved(saved)
    } catch (e) {
      // The API names the field and the tier it clashes with: keep the
      // form open to fix it.
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      onSubmit={submit}
      className="flex h-full flex-col overflow-hidden"
      data-testid="tier-form"
    >
      <Drawer.Header>
        <Drawer.Title asChild>
          <h2 className="txt-large-plus text-ui-fg-base">
            {tier ? `Edit tier "${tier.name}"` : "Create tier"}
          </h2>
        </Drawer.Title>
        <Text size="small" className="text-ui-fg-subtle">
          {tier
            ? "Customers move at their next order or the next evaluation."
            : "A level customers reach by their orders. Cashback rules can pay its rate."}
        </Text>
      </Drawer.Header>
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        <div className="grid grid-cols-[1fr_120px] gap-4">
          <InputField
            id="tier-name"
            label="Name"
            hint="What customers and your team call it, e.g. Gold."
            value={state.name}
            onChange={(v) => set("name", v)}
            placeholder="Gold"
            invalid={invalid("name")}
          />
          <InputField
            id="tier-rank"
            label="Rank"
            hint="Higher is better; one tier per rank."
            inputMode="numeric"
            value={state.rank}
            onChange={(v) => set("rank", v)}
            invalid={invalid("rank")}
          />
        </div>
        <FormField
          id="tier-description"
          label="Description (optional)"
          hint="What it takes and gives, in your words."
        >
          <Textarea
            id="tier-description"
            value={state.description}
            onChange={(e) => set("description", e.target.value)}
            rows={2}
            placeholder="30,000,000 Toman and 2 orders in a year"
          />
        </FormField>

        <QualifiesSection
          state={state}
          set={set}
          invalid={invalid}
          currencies={currencies}
          currencyLocked={currencyLocked}
        />

        <BenefitsSection state={state} set={set} invalid={invalid} />
      </Drawer.Body>
      {error && (
        <div className="bg-ui-bg-subtle border-t px-6 py-3">
          <Text
            size="small"
            weight="plus"
            className="text-ui-fg-error [overflow-wrap:anywhere]"
            data-testid="tier-form-error"
            role="alert"
          >
            {error}
          </Text>
        </div>
      )}
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          isLoading={busy}
          data-testid="tier-form-submit"
        >
          {tier ? "Save tier" : "Create tier"}
        </Button>
      </Drawer.Footer>
    </form>
  )
}
