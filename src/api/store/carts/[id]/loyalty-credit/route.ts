import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { applyCartCreditWorkflow } from "../../../../../workflows"
import { StoreApplyCartCreditType } from "./validators"

async function respond(
  req: AuthenticatedMedusaRequest<any>,
  res: MedusaResponse,
  input: { amount?: unknown; remove?: boolean }
) {
  const { result } = await applyCartCreditWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      amount: input.amount as any,
      remove: input.remove,
    },
  })
  // The cart as core's cart routes answer it (items, totals, payment
  // collection; `fields` works the same), so a storefront need not fetch it.
  const cart = await refetchCart(req.params.id, req.scope, req.queryConfig.fields)
  res.json({
    cart,
    loyalty_credit: {
      applied: result.amount,
      requested: result.requested,
      available: result.available,
      limit: result.limit,
      currency_code: result.currency_code,
    },
  })
}

/**
 * Pays (part of) the logged-in shopper's cart with their wallet credit:
 * `{amount}` or, without it, the most allowed. The answer says what was
 * applied and which limit decided it (`balance`, `cart_total`,
 * `items_only`, `max_share`, `min_balance`, or null when the amount asked
 * for fit).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreApplyCartCreditType>,
  res: MedusaResponse
) => {
  await respond(req, res, { amount: req.validatedBody.amount })
}

/** Takes the wallet credit off the cart. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await respond(req, res, { remove: true })
}
