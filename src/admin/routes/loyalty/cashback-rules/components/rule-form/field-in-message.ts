// Which field an API message is about, to mark it in the form.

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

export function fieldInMessage(message: string | null) {
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
