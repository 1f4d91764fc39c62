import {
  CashbackRule,
  CashbackRuleInput,
  formatDate,
  formatDecimal,
  formatMoney,
} from "../../../../lib/client"

/** "2%" or "IRR 500,000": the rule's rate or amount, exact. */
export function ruleAmount(
  rule: Pick<CashbackRule, "type" | "value" | "currency_code">
) {
  if (rule.type === "percent") {
    return `${formatDecimal(rule.value)}%`
  }
  return rule.currency_code
    ? formatMoney(rule.value, rule.currency_code)
    : formatDecimal(rule.value)
}

/** The conditions on the amount: currency, minimum order, cap, multiplier. */
export function ruleAmountDetails(rule: CashbackRule) {
  const details: string[] = []
  if (rule.use_tier_rate && rule.type === "percent") {
    details.push("or the tier's rate")
  }
  if (rule.type === "fixed") {
    details.push("once per order")
  } else if (rule.currency_code) {
    details.push(`${rule.currency_code.toUpperCase()} orders only`)
  }
  if (rule.min_subtotal && rule.currency_code) {
    details.push(
      `orders from ${formatMoney(rule.min_subtotal, rule.currency_code)}`
    )
  }
  if (rule.max_amount && rule.currency_code) {
    details.push(`max ${formatMoney(rule.max_amount, rule.currency_code)}`)
  }
  if (rule.multiplier) {
    const { value, starts_at, ends_at } = rule.multiplier
    details.push(
      `x${formatDecimal(String(value))} ${dateWindow(starts_at, ends_at)}`
    )
  }
  if (rule.use_tier_multiplier) {
    details.push("× the tier's multiplier")
  }
  return details
}

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`

/** What the rule is limited to: "2 products · 1 category · not 3 tags · 1 group". */
export function ruleLimits(rule: CashbackRule) {
  const scope = rule.scope ?? {}
  const parts: string[] = []
  const lists: [string[] | null | undefined, string, string][] = [
    [scope.product_ids, "product", "products"],
    [scope.category_ids, "category", "categories"],
    [scope.collection_ids, "collection", "collections"],
    [scope.type_ids, "product type", "product types"],
    [scope.tag_ids, "tag", "tags"],
  ]
  const excluded: [string[] | null | undefined, string, string][] = [
    [scope.exclude_product_ids, "product", "products"],
    [scope.exclude_category_ids, "category", "categories"],
    [scope.exclude_collection_ids, "collection", "collections"],
    [scope.exclude_type_ids, "product type", "product types"],
    [scope.exclude_tag_ids, "tag", "tags"],
  ]
  for (const [ids, one, many] of lists) {
    if (ids?.length) parts.push(plural(ids.length, one, many))
  }
  for (const [ids, one, many] of excluded) {
    if (ids?.length) parts.push(`not ${plural(ids.length, one, many)}`)
  }
  if (rule.customer_group_ids?.length) {
    parts.push(
      plural(
        rule.customer_group_ids.length,
        "customer group",
        "customer groups"
      )
    )
  }
  if (rule.sales_channel_ids?.length) {
    parts.push(plural(rule.sales_channel_ids.length, "channel", "channels"))
  }
  if (rule.tier_ids?.length) {
    parts.push(plural(rule.tier_ids.length, "tier", "tiers"))
  }
  if (rule.min_previous_orders) {
    parts.push(`after ${plural(rule.min_previous_orders, "order", "orders")}`)
  }
  return parts.length ? parts.join(" · ") : "Every item, every shopper"
}

/** "Always", "From 20 Mar 2027", "Until …" or "20 Mar 2027 – 27 Mar 2027". */
export function dateWindow(from?: string | null, to?: string | null) {
  if (from && to) {
    return `${formatDate(from)} – ${formatDate(to)}`
  }
  if (from) {
    return `from ${formatDate(from)}`
  }
  if (to) {
    return `until ${formatDate(to)}`
  }
  return "always"
}

export function ruleWindow(rule: Pick<CashbackRule, "starts_at" | "ends_at">) {
  const text = dateWindow(rule.starts_at, rule.ends_at)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function ruleRelease(rule: Pick<CashbackRule, "release" | "hold_days">) {
  switch (rule.release) {
    case "fulfilled":
      return "At fulfilment"
    case "hold":
      return `Hold ${rule.hold_days ?? "?"} ${rule.hold_days === 1 ? "day" : "days"}`
    default:
      return "At placement"
  }
}

export function ruleExpiry(rule: Pick<CashbackRule, "expires_after_days">) {
  if (!rule.expires_after_days) {
    return "Never"
  }
  return `${rule.expires_after_days} ${rule.expires_after_days === 1 ? "day" : "days"}`
}

/** "3 orders · IRR 1,850,000" and what was taken back, per currency. */
export function ruleUsage(rule: CashbackRule) {
  const usage = rule.usage
  if (!usage || !usage.orders) {
    return { summary: "No orders yet", takenBack: [] as string[] }
  }
  const orders = `${usage.orders} ${usage.orders === 1 ? "order" : "orders"}`
  const awarded = usage.amounts.map((a) =>
    formatMoney(a.awarded, a.currency_code)
  )
  const takenBack = usage.amounts
    .filter((a) => a.taken_back !== "0")
    .map((a) => `${formatMoney(a.taken_back, a.currency_code)} taken back`)
  return { summary: [orders, ...awarded].join(" · "), takenBack }
}

/** The API body that recreates a rule: used by Duplicate. */
export function ruleToInput(rule: CashbackRule): CashbackRuleInput {
  return {
    name: rule.name,
    description: rule.description,
    is_active: rule.is_active,
    priority: rule.priority,
    currency_code: rule.currency_code,
    type: rule.type,
    value: rule.value,
    min_subtotal: rule.min_subtotal,
    max_amount: rule.max_amount,
    expires_after_days: rule.expires_after_days,
    release: rule.release,
    hold_days: rule.hold_days,
    scope: rule.scope,
    customer_group_ids: rule.customer_group_ids,
    min_previous_orders: rule.min_previous_orders,
    tier_ids: rule.tier_ids,
    use_tier_rate: rule.use_tier_rate,
    use_tier_multiplier: rule.use_tier_multiplier,
    sales_channel_ids: rule.sales_channel_ids,
    starts_at: rule.starts_at,
    ends_at: rule.ends_at,
    multiplier: rule.multiplier
      ? { ...rule.multiplier, value: String(rule.multiplier.value) }
      : null,
    combination: rule.combination,
  }
}
