import {
  Button,
  Drawer,
  Input,
  Label,
  RadioGroup,
  Select,
  Text,
  Textarea,
} from "@medusajs/ui"
import { FormEvent, ReactNode, useMemo, useState } from "react"
import {
  errorMessage,
  formatMoney,
  sdk,
  Tier,
  TierInput,
  TierWindow,
} from "../../../../lib/client"
import { WINDOW_DESCRIPTIONS } from "../../../../lib/tier-format"

type FormState = {
  name: string
  description: string
  rank: string
  currency_code: string
  min_spend: string
  min_orders: string
  qualification_window: TierWindow
  window_days: string
  cashback_rate: string
  cashback_multiplier: string
}

function initialState(
  tier: Tier | null,
  others: Tier[],
  currencies: string[]
): FormState {
  const highest = others.reduce((max, t) => Math.max(max, t.rank), 0)
  return {
    name: tier?.name ?? "",
    description: tier?.description ?? "",
    rank: String(tier?.rank ?? highest + 1),
    currency_code:
      tier?.currency_code ?? others[0]?.currency_code ?? currencies[0] ?? "",
    min_spend: tier?.min_spend ?? "",
    min_orders: tier?.min_orders != null ? String(tier.min_orders) : "",
    qualification_window: tier?.qualification_window ?? "rolling",
    window_days: String(tier?.window_days ?? 365),
    cashback_rate: tier?.cashback_rate ?? "",
    cashback_multiplier: tier?.cashback_multiplier ?? "",
  }
}

class FormError extends Error {}

function integer(field: string, value: string) {
  const v = value.trim()
  if (!v) {
    return null
  }
  if (!/^\d+$/.test(v)) {
    throw new FormError(`${field} must be a whole number, got "${v}"`)
  }
  return parseInt(v, 10)
}

// Amounts and rates stay strings: the API checks them exactly.
const decimal = (value: string) => value.trim().replace(/[\s,]/g, "") || null

/** The API body; cleared fields are sent as null. */
function toInput(state: FormState): TierInput {
  const rank = integer("rank", state.rank)
  if (rank === null) {
    throw new FormError("rank is required: higher rank, higher tier")
  }
  const rolling = state.qualification_window === "rolling"
  return {
    name: state.name.trim(),
    description: state.description.trim() || null,
    rank,
    currency_code: state.currency_code,
    min_spend: decimal(state.min_spend),
    min_orders: integer("min_orders", state.min_orders),
    qualification_window: state.qualification_window,
    window_days: rolling ? integer("window_days", state.window_days) : null,
    cashback_rate: decimal(state.cashback_rate),
    cashback_multiplier: decimal(state.cashback_multiplier),
  }
}

/**
 * The body of an edit: only the fields the form changed. Both sides go
 * through `toInput`, so what the form cannot show exactly (a description
 * with trailing spaces, a spend written "1500000.00") is never written back
 * by a save that did not touch it; the API keeps the rest of the tier.
 */
function changedInput(
  state: FormState,
  tier: Tier,
  others: Tier[],
  currencies: string[]
): Partial<TierInput> {
  const next = toInput(state)
  const saved = toInput(initialState(tier, others, currencies))
  const body: Partial<TierInput> = {}
  for (const key of Object.keys(next) as (keyof TierInput)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) {
      Object.assign(body, { [key]: next[key] })
    }
  }
  return body
}

// Field names as the API spells them in its messages.
const MESSAGE_FIELDS = [
  "qualification_window",
  "cashback_multiplier",
  "cashback_rate",
  "currency_code",
  "window_days",
  "min_orders",
  "min_spend",
  "rank",
  "name",
]

/** The field a message names first ("min_spend of Gold must be..."). */
function fieldInMessage(message: string | null) {
  if (!message) {
    return null
  }
  let best: { field: string; at: number } | null = null
  for (const field of MESSAGE_FIELDS) {
    const match = new RegExp(`(^|[^a-z_])${field}([^a-z_]|$)`).exec(message)
    if (match && (!best || match.index < best.at)) {
      best = { field, at: match.index }
    }
  }
  return best?.field ?? null
}

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

  const badField = fieldInMessage(error)
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
  const currencyOptions = useMemo(() => {
    const list = [...currencies]
    if (state.currency_code && !list.includes(state.currency_code)) {
      list.push(state.currency_code)
    }
    return list
  }, [currencies, state.currency_code])
  const currency = state.currency_code
    ? state.currency_code.toUpperCase()
    : "the tier currency"
  // Big amounts are hard to read as typed: echo them grouped.
  const spend = decimal(state.min_spend)
  const spendShown =
    spend && state.currency_code && /^\d+(\.\d+)?$/.test(spend)
      ? `${formatMoney(spend, state.currency_code)}: order totals`
      : "Order totals"

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
          <Field
            id="tier-name"
            label="Name"
            hint="What customers and your team call it, e.g. Gold."
          >
            <Input
              id="tier-name"
              value={state.name}
              onChange={(e) => set("name", e.target.value)}
              placeholder="Gold"
              aria-invalid={invalid("name")}
            />
          </Field>
          <Field
            id="tier-rank"
            label="Rank"
            hint="Higher is better; one tier per rank."
          >
            <Input
              id="tier-rank"
              inputMode="numeric"
              value={state.rank}
              onChange={(e) => set("rank", e.target.value)}
              aria-invalid={invalid("rank")}
            />
          </Field>
        </div>
        <Field
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
        </Field>

        <Group
          title="Qualifies with"
          description="A customer reaches the tier when they meet every threshold set. A higher rank must ask for more than the tiers below it."
        >
          <div className="grid grid-cols-2 gap-4">
            <Field
              id="tier-currency"
              label="Currency"
              hint={
                currencyLocked
                  ? "Fixed: all tiers count spend in one currency."
                  : "Spend is counted in orders of this currency."
              }
            >
              <Select
                value={state.currency_code}
                onValueChange={(v) => {
                  // Inside a form, Radix keeps a hidden <select>; when
                  // the value changes before its option is rendered
                  // there, it reports "" as if chosen. Only the items
                  // are choices.
                  if (currencyOptions.includes(v)) {
                    set("currency_code", v)
                  }
                }}
                disabled={currencyLocked}
              >
                <Select.Trigger
                  id="tier-currency"
                  aria-invalid={invalid("currency_code")}
                >
                  <Select.Value placeholder="Choose" />
                </Select.Trigger>
                <Select.Content>
                  {currencyOptions.map((c) => (
                    <Select.Item key={c} value={c}>
                      {c.toUpperCase()}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
            <div />
            <Field
              id="tier-min-spend"
              label={`Minimum spend (${currency})`}
              hint={`${spendShown} in the window, with tax and shipping, after returns. Empty: no spend needed.`}
            >
              <Input
                id="tier-min-spend"
                inputMode="decimal"
                value={state.min_spend}
                onChange={(e) => set("min_spend", e.target.value)}
                placeholder="No minimum"
                aria-invalid={invalid("min_spend")}
              />
            </Field>
            <Field
              id="tier-min-orders"
              label="Minimum orders"
              hint="Orders placed in the window. Empty: any number."
            >
              <Input
                id="tier-min-orders"
                inputMode="numeric"
                value={state.min_orders}
                onChange={(e) => set("min_orders", e.target.value)}
                placeholder="No minimum"
                aria-invalid={invalid("min_orders")}
              />
            </Field>
          </div>
          <Field
            id="tier-window"
            label="Window"
            hint="Which orders count towards the thresholds."
          >
            <RadioGroup
              id="tier-window"
              className="grid grid-cols-3 gap-3"
              value={state.qualification_window}
              onValueChange={(v) =>
                set("qualification_window", v as TierWindow)
              }
            >
              <RadioGroup.ChoiceBox
                value="rolling"
                label="Rolling"
                description={WINDOW_DESCRIPTIONS.rolling}
              />
              <RadioGroup.ChoiceBox
                value="calendar_year"
                label="Calendar year"
                description={WINDOW_DESCRIPTIONS.calendar_year}
              />
              <RadioGroup.ChoiceBox
                value="lifetime"
                label="Lifetime"
                description={WINDOW_DESCRIPTIONS.lifetime}
              />
            </RadioGroup>
          </Field>
          {state.qualification_window === "rolling" && (
            <div className="grid grid-cols-2 gap-4">
              <Field
                id="tier-window-days"
                label="Window length (days)"
                hint="E.g. 365: orders of the last year count."
              >
                <Input
                  id="tier-window-days"
                  inputMode="numeric"
                  value={state.window_days}
                  onChange={(e) => set("window_days", e.target.value)}
                  aria-invalid={invalid("window_days")}
                />
              </Field>
            </div>
          )}
        </Group>

        <Group
          title="Benefits"
          description="Paid by the cashback rules that opt in to the tier's rate or multiplier."
        >
          <div className="grid grid-cols-2 gap-4">
            <Field
              id="tier-rate"
              label="Cashback rate (%)"
              hint="Replaces the rate of rules that use the tier rate. Empty: the rule's own rate."
            >
              <Input
                id="tier-rate"
                inputMode="decimal"
                value={state.cashback_rate}
                onChange={(e) => set("cashback_rate", e.target.value)}
                placeholder="Rule's rate"
                aria-invalid={invalid("cashback_rate")}
              />
            </Field>
            <Field
              id="tier-multiplier"
              label="Multiplier (×)"
              hint="1.5 pays half as much again on rules that use it. Empty: ×1."
            >
              <Input
                id="tier-multiplier"
                inputMode="decimal"
                value={state.cashback_multiplier}
                onChange={(e) => set("cashback_multiplier", e.target.value)}
                placeholder="×1"
                aria-invalid={invalid("cashback_multiplier")}
              />
            </Field>
          </div>
        </Group>
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

const Group = ({
  title,
  description,
  children,
}: {
  title: string
  description: string
  children: ReactNode
}) => (
  <section className="flex flex-col gap-y-4 border-t pt-6">
    <div>
      <Text size="small" weight="plus">
        {title}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {children}
  </section>
)

const Field = ({
  id,
  label,
  hint,
  children,
}: {
  id: string
  label: string
  hint: string
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-1.5">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    {children}
    <Text size="xsmall" className="text-ui-fg-subtle">
      {hint}
    </Text>
  </div>
)
