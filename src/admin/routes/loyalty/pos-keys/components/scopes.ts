import { PosScope } from "../../../../lib/client"

/** What a till key may do, in the order the form and the table show them. */
export const SCOPES: PosScope[] = ["lookup", "earn", "redeem"]

/** Short names, for the table's badges. */
export const SCOPE_SHORT = {
  lookup: "till.scopes.short.lookup",
  earn: "till.scopes.short.earn",
  redeem: "till.scopes.short.redeem",
} as const

/** The form's choices. */
export const SCOPE_LABEL = {
  lookup: "till.scopes.label.lookup",
  earn: "till.scopes.label.earn",
  redeem: "till.scopes.label.redeem",
} as const
