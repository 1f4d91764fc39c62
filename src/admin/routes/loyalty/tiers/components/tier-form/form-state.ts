// The tier form's state as typed, and the API body made from it.
import { Tier, TierInput, TierWindow } from "../../../../../lib/client"
import { changedFields } from "../../../../../lib/settings-form"

export type FormState = {
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

/** What each section of the form gets: the state, a setter, the bad field. */
export type SectionProps = {
  state: FormState
  set: <K extends keyof FormState>(key: K, value: FormState[K]) => void
  invalid: (field: string) => true | undefined
}

export function initialState(
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
export const decimal = (value: string) =>
  value.trim().replace(/[\s,]/g, "") || null

/** The API body; cleared fields are sent as null. */
export function toInput(state: FormState): TierInput {
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
export const changedInput = (
  state: FormState,
  tier: Tier,
  others: Tier[],
  currencies: string[]
): Partial<TierInput> =>
  changedFields(toInput(state), toInput(initialState(tier, others, currencies)))

// Field names as the API spells them in its messages.
export const MESSAGE_FIELDS = [
  "qualification_window",
  "cashback_multiplier",
  "cashback_rate",
  "currency_code",
  "window_days",
  "min_orders",
  "min_spend",
  "rank",
  "name",
] as const
