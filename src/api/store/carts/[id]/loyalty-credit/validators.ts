import { z } from "@medusajs/framework/zod"
import { decimal } from "../../../../utils/validators"

export type StoreApplyCartCreditType = z.infer<typeof StoreApplyCartCredit>
// No amount: the most the cart may take. The workflow checks sign and precision.
export const StoreApplyCartCredit = z.strictObject({
  amount: decimal("amount").nullish(),
})
