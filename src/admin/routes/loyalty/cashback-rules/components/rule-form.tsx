import {
  Button,
  FocusModal,
  Heading,
  Input,
  Label,
  RadioGroup,
  Select,
  Switch,
  Text,
  Textarea,
} from "@medusajs/ui"
import { FormEvent, ReactNode, useEffect, useMemo, useState } from "react"
import {
  CashbackRule,
  CashbackRuleInput,
  CashbackRuleScope,
  errorMessage,
  sdk,
} from "../../../../lib/client"
import { IdMultiSelect, Option } from "./id-multi-select"

type IdListField = keyof CashbackRuleScope

type FormState = {
  name: string
  description: string
  is_active: boolean
  priority: string
  combination: "best" | "stack"
  currency_code: string
  type: "percent" | "fixed"
  value: string
  min_subtotal: string
  max_amount: string
  expires_after_days: string
  release: "placed" | "fulfilled" | "hold"
  hold_days: string
  scope: Record<IdListField, string[]>
  customer_group_ids: string[]
  min_previous_orders: string
  tier_ids: string[]
  use_tier_rate: boolean
  use_tier_multiplier: boolean
  sales_channel_ids: string[]
  starts_at: string
  ends_at: string
  multiplier_on: boolean
  multiplier_value: string
  multiplier_starts_at: string
  multiplier_ends_at: string
}

const SCOPE_FIELDS: IdListField[] = [
  "product_ids",
  "category_ids",
  "collection_ids",
  "type_ids",
  "tag_ids",
  "exclude_product_ids",
  "exclude_category_ids",
  "exclude_collection_ids",
  "exclude_type_ids",
  "exclude_tag_ids",
]

// Radix Select items cannot have an empty value.
const ANY_CURRENCY = "__any"

/** "2027-03-20" in the admin's time zone, for a date input. */
function toDateInput(iso: string | null | undefined) {
  if (!iso) {
    return ""
  }
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/**
 * Midnight of that day in the admin's time zone, as ISO. The stored instant
 * when the day shown is still its day: a rule created through the API at
 * 12:30, or in another time zone, does not move by opening and saving it.
 */
function fromDateInput(value: string, stored?: string | null) {
  if (stored && toDateInput(stored) === value) {
    return stored
  }
  return value ? new Date(`${value}T00:00:00`).toISOString() : null
}

const wholeText = (n: number | null | undefined) => (n == null ? "" : String(n))

function initialState(rule?: CashbackRule | null): FormState {
  const scope = {} as Record<IdListField, string[]>
  for (const field of SCOPE_FIELDS) {
    scope[field] = rule?.scope?.[field] ?? []
  }
  return {
    name: rule?.name ?? "",
    description: rule?.description ?? "",
    is_active: rule?.is_active ?? true,
    priority: String(rule?.priority ?? 0),
    combination: rule?.combination ?? "best",
    currency_code: rule?.currency_code ?? "",
    type: rule?.type ?? "percent",
    value: rule?.value ?? "",
    min_subtotal: rule?.min_subtotal ?? "",
    max_amount: rule?.max_amount ?? "",
    expires_after_days: wholeText(rule?.expires_after_days),
    release: rule?.release ?? "placed",
    hold_days: wholeText(rule?.hold_days),
    scope,
    customer_group_ids: rule?.customer_group_ids ?? [],
    // 0 earlier orders is a value of its own, not an empty field.
    min_previous_orders: wholeText(rule?.min_previous_orders),
    tier_ids: rule?.tier_ids ?? [],
    use_tier_rate: rule?.use_tier_rate ?? false,
    use_tier_multiplier: rule?.use_tier_multiplier ?? false,
    sales_channel_ids: rule?.sales_channel_ids ?? [],
    starts_at: toDateInput(rule?.starts_at),
    ends_at: toDateInput(rule?.ends_at),
    multiplier_on: !!rule?.multiplier,
    multiplier_value: rule?.multiplier ? String(rule.multiplier.value) : "2",
    multiplier_starts_at: toDateInput(rule?.multiplier?.starts_at),
    multiplier_ends_at: toDateInput(rule?.multiplier?.ends_at),
  }
}

class FormError extends Error {}

function integer(field: string, value: string) {
  const v = value.trim()
  if (!v) {
    return null
  }
  if (!/^-?\d+$/.test(v)) {
    throw new FormError(`${field} must be a whole number, got "${v}"`)
  }
  return parseInt(v, 10)
}

const amount = (value: string) => value.trim() || null
const nonEmpty = (ids: string[]) => (ids.length ? ids : null)
const commaIds = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * The API body. Amounts stay strings; cleared fields are sent as null.
 * `rule` is the rule being edited, whose stored dates are kept as they are.
 */
function toInput(
  state: FormState,
  rule?: CashbackRule | null
): CashbackRuleInput {
  const scope: CashbackRuleScope = {}
  for (const field of SCOPE_FIELDS) {
    if (state.scope[field].length) {
      scope[field] = state.scope[field]
    }
  }
  return {
    name: state.name.trim(),
    description: state.description.trim() || null,
    is_active: state.is_active,
    priority: integer("priority", state.priority) ?? 0,
    combination: state.combination,
    currency_code: state.currency_code || null,
    type: state.type,
    value: state.value.trim(),
    min_subtotal: amount(state.min_subtotal),
    max_amount: amount(state.max_amount),
    expires_after_days: integer("expires_after_days", state.expires_after_days),
    release: state.release,
    hold_days:
      state.release === "hold" ? integer("hold_days", state.hold_days) : null,
    scope: Object.keys(scope).length ? scope : null,
    customer_group_ids: nonEmpty(state.customer_group_ids),
    min_previous_orders: integer(
      "min_previous_orders",
      state.min_previous_orders
    ),
    tier_ids: nonEmpty(state.tier_ids),
    // The tier rate replaces a percentage; a fixed amount has none to replace.
    use_tier_rate: state.type === "percent" && state.use_tier_rate,
    use_tier_multiplier: state.use_tier_multiplier,
    sales_channel_ids: nonEmpty(state.sales_channel_ids),
    starts_at: fromDateInput(state.starts_at, rule?.starts_at),
    ends_at: fromDateInput(state.ends_at, rule?.ends_at),
    multiplier: state.multiplier_on
      ? {
          value: state.multiplier_value.trim(),
          starts_at: fromDateInput(
            state.multiplier_starts_at,
            rule?.multiplier?.starts_at
          ),
          ends_at: fromDateInput(
            state.multiplier_ends_at,
            rule?.multiplier?.ends_at
          ),
        }
      : null,
  }
}

/**
 * The body of an edit: only the fields the form changed. Both sides go
 * through `toInput`, so whatever the form cannot show exactly (an empty list
 * stored as [], a description with trailing spaces) is never written back by
 * a save that did not touch it; the API merges the rest with the stored rule.
 */
function changedInput(
  state: FormState,
  rule: CashbackRule
): Partial<CashbackRuleInput> {
  const next = toInput(state, rule)
  const saved = toInput(initialState(rule), rule)
  const body: Partial<CashbackRuleInput> = {}
  for (const key of Object.keys(next) as (keyof CashbackRuleInput)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) {
      Object.assign(body, { [key]: next[key] })
    }
  }
  return body
}

// Field names as the API spells them in its messages.
const MESSAGE_FIELDS = [
  "multiplier.starts_at",
  "multiplier.ends_at",
  "multiplier.value",
  "use_tier_multiplier",
  "use_tier_rate",
  "min_previous_orders",
  "expires_after_days",
  "customer_group_ids",
  "sales_channel_ids",
  "tier_ids",
  "currency_code",
  "min_subtotal",
  "max_amount",
  "hold_days",
  "starts_at",
  "ends_at",
  "priority",
  "scope.",
  "value",
  "name",
]

function fieldInMessage(message: string | null) {
  if (!message) {
    return null
  }
  // The field the message starts with, or names first ("ends_at must be
  // later than starts_at" is about ends_at).
  let best: { field: string; at: number } | null = null
  for (const field of MESSAGE_FIELDS) {
    const match = new RegExp(`(^|[^a-z_.])${field.replace(".", "\\.")}`).exec(
      message
    )
    if (match && (!best || match.index < best.at)) {
      best = { field, at: match.index }
    }
  }
  return best?.field ?? null
}

type Options = {
  products: Option[]
  categories: Option[]
  groups: Option[]
  channels: Option[]
  tiers: Option[]
  currencies: string[]
}

const EMPTY_OPTIONS: Options = {
  products: [],
  categories: [],
  groups: [],
  channels: [],
  tiers: [],
  currencies: [],
}

async function loadOptions(): Promise<Options> {
  const get = <T,>(path: string, query: Record<string, unknown>) =>
    sdk.client.fetch<T>(path, { query }).catch(() => null)
  const [products, categories, groups, channels, tiers, stores] =
    await Promise.all([
      get<{ products: { id: string; title: string }[] }>("/admin/products", {
        limit: 200,
        fields: "id,title",
      }),
      get<{ product_categories: { id: string; name: string }[] }>(
        "/admin/product-categories",
        { limit: 200, fields: "id,name" }
      ),
      get<{ customer_groups: { id: string; name: string }[] }>(
        "/admin/customer-groups",
        {
          limit: 200,
          fields: "id,name",
        }
      ),
      get<{ sales_channels: { id: string; name: string }[] }>(
        "/admin/sales-channels",
        {
          limit: 200,
          fields: "id,name",
        }
      ),
      get<{ tiers: { id: string; name: string; rank: number }[] }>(
        "/admin/loyalty/tiers",
        {}
      ),
      get<{ stores: { supported_currencies?: { currency_code: string }[] }[] }>(
        "/admin/stores",
        { fields: "id,supported_currencies.currency_code" }
      ),
    ])
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label)
  return {
    products: (products?.products ?? [])
      .map((p) => ({ value: p.id, label: p.title }))
      .sort(byLabel),
    categories: (categories?.product_categories ?? [])
      .map((c) => ({ value: c.id, label: c.name }))
      .sort(byLabel),
    groups: (groups?.customer_groups ?? [])
      .map((g) => ({ value: g.id, label: g.name }))
      .sort(byLabel),
    channels: (channels?.sales_channels ?? [])
      .map((c) => ({ value: c.id, label: c.name }))
      .sort(byLabel),
    // By rank, as the tiers page lists them.
    tiers: [...(tiers?.tiers ?? [])]
      .sort((a, b) => a.rank - b.rank)
      .map((t) => ({ value: t.id, label: t.name })),
    currencies: Array.from(
      new Set(
        (stores?.stores ?? []).flatMap((s) =>
          (s.supported_currencies ?? []).map((c) =>
            c.currency_code.toLowerCase()
          )
        )
      )
    ).sort(),
  }
}

type Props = {
  open: boolean
  /** The rule to edit; null to create one. */
  rule: CashbackRule | null
  onOpenChange: (open: boolean) => void
  onSaved: (rule: CashbackRule) => void
}

export const RuleForm = ({ open, rule, onOpenChange, onSaved }: Props) => {
  const [options, setOptions] = useState<Options>(EMPTY_OPTIONS)
  // Each opening mounts a fresh form whose first render already holds the
  // rule. Filled in by an effect instead, the fields first rendered an empty
  // rule and then changed under the selects, which Radix answers with a
  // value of its own (see the currency select).
  const [opening, setOpening] = useState(0)
  const [wasOpen, setWasOpen] = useState(open)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (open) {
      setOpening((n) => n + 1)
    }
  }

  useEffect(() => {
    if (open && options === EMPTY_OPTIONS) {
      loadOptions().then(setOptions)
    }
  }, [open, options])

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <RuleFormBody
          key={opening}
          rule={rule}
          options={options}
          onSaved={onSaved}
        />
      </FocusModal.Content>
    </FocusModal>
  )
}

const RuleFormBody = ({
  rule,
  options,
  onSaved,
}: {
  rule: CashbackRule | null
  options: Options
  onSaved: (rule: CashbackRule) => void
}) => {
  const [state, setState] = useState<FormState>(() => initialState(rule))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const badField = fieldInMessage(error)

  // Editing the field the API complained about clears its message.
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }))
    const field =
      key === "multiplier_on"
        ? badField
        : key.replace(/^multiplier_/, "multiplier.")
    if (badField && field === badField) {
      setError(null)
    }
  }
  const setScope = (field: IdListField, ids: string[]) => {
    setState((s) => ({ ...s, scope: { ...s.scope, [field]: ids } }))
    if (badField === "scope.") {
      setError(null)
    }
  }
  const invalid = (field: string) =>
    badField === field || (badField === "scope." && field.startsWith("scope."))

  const currencies = useMemo(() => {
    const list = [...options.currencies]
    if (state.currency_code && !list.includes(state.currency_code)) {
      list.push(state.currency_code)
    }
    return list
  }, [options.currencies, state.currency_code])

  const currencyLabel = state.currency_code
    ? state.currency_code.toUpperCase()
    : "order currency"

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    let body
    try {
      // An edit sends only what changed: nothing else can be rewritten.
      body = rule ? changedInput(state, rule) : toInput(state)
    } catch (e) {
      setError(errorMessage(e))
      return
    }
    setBusy(true)
    try {
      const { cashback_rule } = await sdk.client.fetch<{
        cashback_rule: CashbackRule
      }>(
        rule
          ? `/admin/loyalty/cashback-rules/${rule.id}`
          : "/admin/loyalty/cashback-rules",
        { method: "POST", body }
      )
      onSaved(cashback_rule)
    } catch (e) {
      // The API names the field at fault: keep the form open to fix it.
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      onSubmit={submit}
      className="flex h-full flex-col overflow-hidden"
      data-testid="rule-form"
    >
      <FocusModal.Header />
      <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-10">
        <div className="flex w-full max-w-[720px] flex-col gap-y-10 px-4">
          <div>
            <FocusModal.Title asChild>
              <Heading level="h1">
                {rule ? "Edit cashback rule" : "Create cashback rule"}
              </Heading>
            </FocusModal.Title>
            <Text size="small" className="text-ui-fg-subtle">
              {rule
                ? "Changes apply to orders placed from now on; cashback already paid stays as it is."
                : "What a shopper earns back into their wallet, on which items, and when they can spend it."}
            </Text>
          </div>
          <Section title="Basics">
            <Field
              id="rule-name"
              label="Name"
              hint={
                'Shoppers see it in their wallet history as "Cashback: <name>".'
              }
            >
              <Input
                id="rule-name"
                value={state.name}
                onChange={(e) => set("name", e.target.value)}
                placeholder="3% on coffee"
                aria-invalid={invalid("name") || undefined}
              />
            </Field>
            <Field
              id="rule-description"
              label="Description (optional)"
              hint="For your team: why the rule exists, who asked for it."
            >
              <Textarea
                id="rule-description"
                value={state.description}
                onChange={(e) => set("description", e.target.value)}
                rows={2}
              />
            </Field>
            <div className="grid grid-cols-2 gap-4">
              <Field
                id="rule-active"
                label="Active"
                hint="An inactive rule pays nothing, even inside its dates."
              >
                <div className="flex h-8 items-center gap-x-2">
                  <Switch
                    id="rule-active"
                    checked={state.is_active}
                    onCheckedChange={(v) => set("is_active", v)}
                  />
                  <Text size="small">
                    {state.is_active ? "Active" : "Inactive"}
                  </Text>
                </div>
              </Field>
              <Field
                id="rule-priority"
                label="Priority"
                hint="Breaks ties between equally good rules: higher wins."
              >
                <Input
                  id="rule-priority"
                  inputMode="numeric"
                  value={state.priority}
                  onChange={(e) => set("priority", e.target.value)}
                  aria-invalid={invalid("priority") || undefined}
                />
              </Field>
            </div>
            <Field
              id="rule-combination"
              label="Combination"
              hint="How this rule meets other rules on the same item."
            >
              <RadioGroup
                id="rule-combination"
                className="grid grid-cols-2 gap-3"
                value={state.combination}
                onValueChange={(v) =>
                  set("combination", v as FormState["combination"])
                }
              >
                <RadioGroup.ChoiceBox
                  value="best"
                  label="Best"
                  description="Only the best rule for an item pays."
                />
                <RadioGroup.ChoiceBox
                  value="stack"
                  label="Stack"
                  description="Adds on top of whatever else pays."
                />
              </RadioGroup>
            </Field>
          </Section>

          <Section title="Amount">
            <div className="grid grid-cols-2 gap-4">
              <Field
                id="rule-type"
                label="Type"
                hint="A percentage of each item, or a fixed amount once per order."
              >
                <Select
                  value={state.type}
                  onValueChange={(v) => {
                    if (v === "percent" || v === "fixed") {
                      set("type", v)
                    }
                  }}
                >
                  <Select.Trigger id="rule-type">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="percent">
                      Percent of the items
                    </Select.Item>
                    <Select.Item value="fixed">Fixed amount</Select.Item>
                  </Select.Content>
                </Select>
              </Field>
              <Field
                id="rule-currency"
                label="Currency"
                hint={
                  state.type === "fixed"
                    ? "Required for a fixed amount."
                    : "Empty: orders in any currency."
                }
              >
                <Select
                  value={state.currency_code || ANY_CURRENCY}
                  onValueChange={(v) => {
                    // Inside a form, Radix keeps a hidden <select>; when
                    // the value changes before its option is rendered
                    // there, it reports "" as if chosen. Only the items
                    // are choices.
                    if (v === ANY_CURRENCY) {
                      set("currency_code", "")
                    } else if (currencies.includes(v)) {
                      set("currency_code", v)
                    }
                  }}
                >
                  <Select.Trigger
                    id="rule-currency"
                    aria-invalid={invalid("currency_code") || undefined}
                  >
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value={ANY_CURRENCY}>Any currency</Select.Item>
                    {currencies.map((c) => (
                      <Select.Item key={c} value={c}>
                        {c.toUpperCase()}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </Field>
            </div>
            <Field
              id="rule-value"
              label={
                state.type === "percent"
                  ? "Rate (%)"
                  : `Amount (${currencyLabel})`
              }
              hint={
                state.type === "percent"
                  ? state.use_tier_rate
                    ? "Paid to customers whose tier sets no rate. Up to 100, 4 decimals."
                    : "Percent of each item's price after discounts, without tax or shipping. Up to 100, 4 decimals."
                  : "Paid once per order, shared over the items in scope."
              }
            >
              <Input
                id="rule-value"
                inputMode="decimal"
                value={state.value}
                onChange={(e) => set("value", e.target.value)}
                placeholder={state.type === "percent" ? "2.5" : "500000"}
                aria-invalid={invalid("value") || undefined}
              />
            </Field>
            <div className="grid grid-cols-2 gap-4">
              <Field
                id="rule-min-subtotal"
                label={`Minimum order (${currencyLabel})`}
                hint="Only orders from this subtotal earn. Needs a currency."
              >
                <Input
                  id="rule-min-subtotal"
                  inputMode="decimal"
                  value={state.min_subtotal}
                  onChange={(e) => set("min_subtotal", e.target.value)}
                  placeholder="No minimum"
                  aria-invalid={invalid("min_subtotal") || undefined}
                />
              </Field>
              <Field
                id="rule-max-amount"
                label={`Cap per order (${currencyLabel})`}
                hint="The most this rule pays on one order. Needs a currency."
              >
                <Input
                  id="rule-max-amount"
                  inputMode="decimal"
                  value={state.max_amount}
                  onChange={(e) => set("max_amount", e.target.value)}
                  placeholder="No cap"
                  aria-invalid={invalid("max_amount") || undefined}
                />
              </Field>
            </div>
            <div
              className="flex flex-col gap-y-4 rounded-lg border p-4"
              data-testid="rule-tier-benefits"
            >
              <div>
                <Text size="small" weight="plus">
                  Tier benefits
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Let the customer's loyalty tier set the rate or boost it.
                  Customers without a tier get the rule as it is.
                </Text>
              </div>
              <SwitchRow
                id="rule-use-tier-rate"
                label="Use the tier's rate"
                hint={
                  state.type === "percent"
                    ? "Pay the customer's tier cashback rate instead of this rate (percent rules)."
                    : "Only for percent rules: a fixed amount has no rate to replace."
                }
                checked={state.type === "percent" && state.use_tier_rate}
                disabled={state.type !== "percent"}
                onCheckedChange={(v) => set("use_tier_rate", v)}
                invalid={invalid("use_tier_rate")}
              />
              <SwitchRow
                id="rule-use-tier-multiplier"
                label="Use the tier's multiplier"
                hint="Multiply by the customer's tier multiplier, on top of the multiplier below."
                checked={state.use_tier_multiplier}
                onCheckedChange={(v) => set("use_tier_multiplier", v)}
                invalid={invalid("use_tier_multiplier")}
              />
            </div>
          </Section>

          <Section title="Timing">
            <Field
              id="rule-release"
              label="Release"
              hint="When the shopper can spend the cashback."
            >
              <RadioGroup
                id="rule-release"
                className="grid grid-cols-3 gap-3"
                value={state.release}
                onValueChange={(v) => set("release", v as FormState["release"])}
              >
                <RadioGroup.ChoiceBox
                  value="placed"
                  label="At placement"
                  description="Spendable as soon as the order is placed."
                />
                <RadioGroup.ChoiceBox
                  value="fulfilled"
                  label="At fulfilment"
                  description="Waits until the order is fulfilled."
                />
                <RadioGroup.ChoiceBox
                  value="hold"
                  label="Hold"
                  description="Waits a number of days, e.g. the return period."
                />
              </RadioGroup>
            </Field>
            <div className="grid grid-cols-2 gap-4">
              <Field
                id="rule-expires"
                label="Expires after (days)"
                hint="Unspent cashback lapses this many days after it becomes spendable. Empty: never."
              >
                <Input
                  id="rule-expires"
                  inputMode="numeric"
                  value={state.expires_after_days}
                  onChange={(e) => set("expires_after_days", e.target.value)}
                  placeholder="Never"
                  aria-invalid={invalid("expires_after_days") || undefined}
                />
              </Field>
              {state.release === "hold" ? (
                <Field
                  id="rule-hold-days"
                  label="Hold days"
                  hint="Days after placement before it can be spent."
                >
                  <Input
                    id="rule-hold-days"
                    inputMode="numeric"
                    value={state.hold_days}
                    onChange={(e) => set("hold_days", e.target.value)}
                    placeholder="14"
                    aria-invalid={invalid("hold_days") || undefined}
                  />
                </Field>
              ) : null}
            </div>
            <div className="grid grid-cols-2 gap-4">
              <Field
                id="rule-starts"
                label="Starts (optional)"
                hint="Orders from 00:00 on this day earn. Empty: already running."
              >
                <Input
                  id="rule-starts"
                  type="date"
                  value={state.starts_at}
                  onChange={(e) => set("starts_at", e.target.value)}
                  aria-invalid={invalid("starts_at") || undefined}
                />
              </Field>
              <Field
                id="rule-ends"
                label="Ends (optional)"
                hint="Stops at 00:00 on this day. Empty: runs until disabled."
              >
                <Input
                  id="rule-ends"
                  type="date"
                  value={state.ends_at}
                  onChange={(e) => set("ends_at", e.target.value)}
                  aria-invalid={invalid("ends_at") || undefined}
                />
              </Field>
            </div>
            <div className="flex flex-col gap-y-3 rounded-lg border p-4">
              <div className="flex items-center justify-between">
                <div>
                  <Label htmlFor="rule-multiplier" weight="plus" size="small">
                    Multiplier
                  </Label>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    Multiplies the cashback for a while, e.g. x2 during Nowruz.
                  </Text>
                </div>
                <Switch
                  id="rule-multiplier"
                  checked={state.multiplier_on}
                  onCheckedChange={(v) => set("multiplier_on", v)}
                />
              </div>
              {state.multiplier_on && (
                <div className="grid grid-cols-3 gap-4">
                  <Field
                    id="rule-multiplier-value"
                    label="Times"
                    hint="2 doubles it; up to 100."
                  >
                    <Input
                      id="rule-multiplier-value"
                      inputMode="decimal"
                      value={state.multiplier_value}
                      onChange={(e) => set("multiplier_value", e.target.value)}
                      aria-invalid={invalid("multiplier.value") || undefined}
                    />
                  </Field>
                  <Field
                    id="rule-multiplier-starts"
                    label="From"
                    hint="Empty: from now."
                  >
                    <Input
                      id="rule-multiplier-starts"
                      type="date"
                      value={state.multiplier_starts_at}
                      onChange={(e) =>
                        set("multiplier_starts_at", e.target.value)
                      }
                      aria-invalid={
                        invalid("multiplier.starts_at") || undefined
                      }
                    />
                  </Field>
                  <Field
                    id="rule-multiplier-ends"
                    label="Until"
                    hint="Stops at 00:00 on this day."
                  >
                    <Input
                      id="rule-multiplier-ends"
                      type="date"
                      value={state.multiplier_ends_at}
                      onChange={(e) =>
                        set("multiplier_ends_at", e.target.value)
                      }
                      aria-invalid={invalid("multiplier.ends_at") || undefined}
                    />
                  </Field>
                </div>
              )}
            </div>
          </Section>

          <Section
            title="What earns"
            description="Empty lists mean every item. An item in an exclude list never earns from this rule."
          >
            <div className="grid grid-cols-2 gap-4">
              <Field
                id="rule-products"
                label="Products"
                hint="Only these products earn."
              >
                <IdMultiSelect
                  id="rule-products"
                  options={options.products}
                  value={state.scope.product_ids}
                  onChange={(ids) => setScope("product_ids", ids)}
                  placeholder="All products"
                  invalid={invalid("scope.")}
                />
              </Field>
              <Field
                id="rule-exclude-products"
                label="Except products"
                hint="These products never earn."
              >
                <IdMultiSelect
                  id="rule-exclude-products"
                  options={options.products}
                  value={state.scope.exclude_product_ids}
                  onChange={(ids) => setScope("exclude_product_ids", ids)}
                  placeholder="None"
                  invalid={invalid("scope.")}
                />
              </Field>
              <Field
                id="rule-categories"
                label="Categories"
                hint="Only products in these categories earn."
              >
                <IdMultiSelect
                  id="rule-categories"
                  options={options.categories}
                  value={state.scope.category_ids}
                  onChange={(ids) => setScope("category_ids", ids)}
                  placeholder="All categories"
                  invalid={invalid("scope.")}
                />
              </Field>
              <Field
                id="rule-exclude-categories"
                label="Except categories"
                hint="Products in these categories never earn."
              >
                <IdMultiSelect
                  id="rule-exclude-categories"
                  options={options.categories}
                  value={state.scope.exclude_category_ids}
                  onChange={(ids) => setScope("exclude_category_ids", ids)}
                  placeholder="None"
                  invalid={invalid("scope.")}
                />
              </Field>
              {(
                [
                  ["collection_ids", "Collection ids", "pcol_…"],
                  ["exclude_collection_ids", "Except collection ids", "pcol_…"],
                  ["type_ids", "Product type ids", "ptyp_…"],
                  ["exclude_type_ids", "Except product type ids", "ptyp_…"],
                  ["tag_ids", "Tag ids", "ptag_…"],
                  ["exclude_tag_ids", "Except tag ids", "ptag_…"],
                ] as [IdListField, string, string][]
              ).map(([field, label, placeholder]) => (
                <Field
                  key={field}
                  id={`rule-${field}`}
                  label={label}
                  hint="Comma-separated ids."
                >
                  <CommaIdsInput
                    id={`rule-${field}`}
                    value={state.scope[field]}
                    onChange={(ids) => setScope(field, ids)}
                    placeholder={placeholder}
                    invalid={
                      badField === "scope." &&
                      !!error?.includes(`scope.${field}`)
                    }
                  />
                </Field>
              ))}
            </div>
          </Section>

          <Section
            title="Who earns"
            description="Empty lists mean every shopper, sales channel and tier."
          >
            <div className="grid grid-cols-2 gap-4">
              <Field
                id="rule-groups"
                label="Customer groups"
                hint="Only members of one of these groups earn."
              >
                <IdMultiSelect
                  id="rule-groups"
                  options={options.groups}
                  value={state.customer_group_ids}
                  onChange={(ids) => set("customer_group_ids", ids)}
                  placeholder="Every customer"
                  invalid={invalid("customer_group_ids")}
                />
              </Field>
              <Field
                id="rule-channels"
                label="Sales channels"
                hint="Only orders from these channels earn (web, till…)."
              >
                <IdMultiSelect
                  id="rule-channels"
                  options={options.channels}
                  value={state.sales_channel_ids}
                  onChange={(ids) => set("sales_channel_ids", ids)}
                  placeholder="Every channel"
                  invalid={invalid("sales_channel_ids")}
                />
              </Field>
              <Field
                id="rule-tiers"
                label="Loyalty tiers"
                hint="Only customers in one of these tiers earn."
              >
                <IdMultiSelect
                  id="rule-tiers"
                  options={options.tiers}
                  value={state.tier_ids}
                  onChange={(ids) => set("tier_ids", ids)}
                  placeholder="Every customer"
                  invalid={invalid("tier_ids")}
                />
              </Field>
              <Field
                id="rule-min-orders"
                label="Earlier orders needed"
                hint="E.g. 1: first orders do not earn. Empty: none needed."
              >
                <Input
                  id="rule-min-orders"
                  inputMode="numeric"
                  value={state.min_previous_orders}
                  onChange={(e) => set("min_previous_orders", e.target.value)}
                  placeholder="0"
                  aria-invalid={invalid("min_previous_orders") || undefined}
                />
              </Field>
            </div>
          </Section>
        </div>
      </FocusModal.Body>
      {error && (
        <div className="bg-ui-bg-subtle flex justify-center border-t px-6 py-3">
          <Text
            size="small"
            weight="plus"
            className="text-ui-fg-error w-full max-w-[720px] px-4"
            data-testid="rule-form-error"
            role="alert"
          >
            {error}
          </Text>
        </div>
      )}
      <FocusModal.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <FocusModal.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Cancel
            </Button>
          </FocusModal.Close>
          <Button
            size="small"
            type="submit"
            isLoading={busy}
            data-testid="rule-form-submit"
          >
            {rule ? "Save rule" : "Create rule"}
          </Button>
        </div>
      </FocusModal.Footer>
    </form>
  )
}

const Section = ({
  title,
  description,
  children,
}: {
  title: string
  description?: string
  children: ReactNode
}) => (
  <section className="flex flex-col gap-y-4">
    <div>
      <Heading level="h3">{title}</Heading>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
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

const SwitchRow = ({
  id,
  label,
  hint,
  checked,
  disabled,
  onCheckedChange,
  invalid,
}: {
  id: string
  label: string
  hint: string
  checked: boolean
  disabled?: boolean
  onCheckedChange: (checked: boolean) => void
  invalid?: boolean
}) => (
  <div className="flex items-start justify-between gap-x-6">
    <div>
      <Label
        htmlFor={id}
        size="small"
        weight="plus"
        className={disabled ? "text-ui-fg-disabled" : undefined}
      >
        {label}
      </Label>
      <Text
        size="xsmall"
        className={invalid ? "text-ui-fg-error" : "text-ui-fg-subtle"}
      >
        {hint}
      </Text>
    </div>
    <Switch
      id={id}
      checked={checked}
      disabled={disabled}
      onCheckedChange={onCheckedChange}
      aria-invalid={invalid || undefined}
    />
  </div>
)

/** Ids typed as text, kept as typed until the field is left. */
const CommaIdsInput = ({
  id,
  value,
  onChange,
  placeholder,
  invalid,
}: {
  id: string
  value: string[]
  onChange: (ids: string[]) => void
  placeholder: string
  invalid?: boolean
}) => {
  const [text, setText] = useState(value.join(", "))
  useEffect(() => {
    setText((current) =>
      commaIds(current).join(",") === value.join(",")
        ? current
        : value.join(", ")
    )
  }, [value])
  return (
    <Input
      id={id}
      value={text}
      placeholder={placeholder}
      onChange={(e) => {
        setText(e.target.value)
        onChange(commaIds(e.target.value))
      }}
      aria-invalid={invalid || undefined}
    />
  )
}
