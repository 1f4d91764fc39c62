import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { tierOnCard } from "./club-card"
import { shopperLanguage } from "./locale"

/** "Sara Ahmadi" -> "S*** A*****": enough for the cashier to greet, not to read out. */
export const maskName = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0] + "*".repeat(Math.max(part.length - 1, 1)))
    .join(" ")

/**
 * What the till shows of a member, and their receipt prints: masked name,
 * tier (named in the member's language: the till's `x-medusa-locale`, else
 * the one they chose for SMS, else the shop's), spendable balances.
 */
export async function tillMemberCard(
  container: MedusaContainer,
  customerId: string,
  asked?: string | null
) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: customers }, wallets, [state]] = await Promise.all([
    query.graph({ entity: "customer", fields: ["id", "first_name", "last_name"], filters: { id: customerId } }),
    service.listWallets({ customer_id: customerId }),
    service.listCustomerTierStates([customerId]),
  ])
  const [balances, tier, language] = await Promise.all([
    service.getBalances(wallets.map((w) => w.id)),
    state?.tier_id ? service.listTiers({ id: state.tier_id }).then((t) => t[0]) : null,
    shopperLanguage(container, asked, customerId),
  ])
  const customer: any = customers[0]
  const name = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ")
  return {
    customer_id: customerId,
    name: name ? maskName(name) : null,
    tier: tier ? tierOnCard(tier as any, language) : null,
    balances: wallets.map((w) => ({
      currency_code: w.currency_code,
      available: balances[w.id]?.available ?? "0",
      status: w.status,
    })),
  }
}

/**
 * Runs a till route's work and answers a receipt clash (a CONFLICT) as a
 * 409 with its own message and code: Medusa's error handler words every
 * CONFLICT as "retry with the Idempotency-Key", which would hide what
 * differs. Returns undefined when it answered.
 */
export async function answeringConflicts<T>(res: MedusaResponse, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work()
  } catch (error: any) {
    if (error?.type === MedusaError.Types.CONFLICT && typeof error.message === "string") {
      res.status(409).json({
        type: MedusaError.Types.CONFLICT,
        message: error.message,
        ...(typeof error.code === "string" ? { code: error.code } : {}),
      })
      return undefined
    }
    throw error
  }
}
