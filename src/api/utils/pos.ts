import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { LoyaltyErrorCode, LoyaltyErrorCodeValue } from "../../utils/error-codes"
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

/** What a route answers when its work found the thing it works on busy. */
export type BusyAnswer = { code: LoyaltyErrorCodeValue; message: string }

/** The till routes' busy answer: a member's phone or a receipt still locked. */
export const TILL_BUSY: BusyAnswer = {
  code: LoyaltyErrorCode.TILL_BUSY,
  message: "Another request for this member or receipt is still running; try again in a few seconds",
}

/**
 * Runs a route's work (the till's, a transfer's) and answers a clash as a
 * 409 with our code and a message the caller can act on. Medusa's error
 * handler words every CONFLICT as "retry with the Idempotency-Key" and
 * drops its code, which would hide what differs; a lock not had in time
 * (the member's phone, an order: another request on them still running, or
 * one from an instance that died, until its lock expires) would even be a
 * 500 with the in-memory locking module. Such a lock, and a clash without a
 * code of its own, is answered with `busy`, the route's own code. Returns
 * undefined when it answered.
 */
export async function answeringConflicts<T>(
  res: MedusaResponse,
  work: () => Promise<T>,
  busy: BusyAnswer = TILL_BUSY
): Promise<T | undefined> {
  try {
    return await work()
  } catch (error: any) {
    const conflict = conflictAnswer(error, busy)
    if (conflict) {
      res.status(409).json({ type: MedusaError.Types.CONFLICT, ...conflict })
      return undefined
    }
    throw error
  }
}

/** The code and message of a clash, or null when the error is not one. */
function conflictAnswer(error: any, busy: BusyAnswer): BusyAnswer | null {
  const message = typeof error?.message === "string" ? error.message : ""
  if (/Timed-out acquiring lock|Failed to acquire lock/.test(message)) {
    return busy
  }
  if (error?.type !== MedusaError.Types.CONFLICT) {
    return null
  }
  if (typeof error.code === "string" && error.code.startsWith("loyalty_")) {
    return { message, code: error.code }
  }
  // The till workflows' clashes that carry no code of their own.
  if (/is being registered/.test(message)) {
    return { message, code: LoyaltyErrorCode.RECEIPT_IN_PROGRESS }
  }
  if (/ with a different /.test(message)) {
    return { message, code: LoyaltyErrorCode.RECEIPT_MISMATCH }
  }
  return { message: message || busy.message, code: busy.code }
}
