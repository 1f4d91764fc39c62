import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { SendCreditTransferInput } from "../../../modules/loyalty-club/services/transfers"
import { LoyaltyErrorCode } from "../../../utils/error-codes"
import { isKnownCurrency, parsePositiveAmount } from "../../../utils/money"
import { normalizePhone, phoneCountry } from "../../../utils/phone"
import { shopDay, shopDayStart } from "../../../utils/sms-messages"
import { signupCountries } from "../../pos/steps/one-time-codes"

/** The longest message a sender may add (it travels in the claim page, not the SMS). */
export const TRANSFER_MESSAGE_MAX = 140

export type SendCreditTransferWorkflowInput = {
  /** The member whose credit is sent. */
  customer_id: string
  currency_code: string
  amount: string | number
  /** The recipient's mobile, as typed. */
  phone: string
  message?: string | null
  /** The client's key: a retry with it answers the first transfer. */
  idempotency_key: string
  /** `customer` (the member in the store) or `user` (an admin on their behalf). */
  actor_type: "customer" | "user"
  actor_id?: string | null
}

export const validateCreditTransferStepId = "loyalty-validate-credit-transfer"

/**
 * Checks a transfer before any money moves and turns it into the room's
 * input: the shop lets members send (`transfers_enabled`), the currency
 * and the amount (positive, the currency's decimals), the phone (a mobile
 * of a country the club serves, normalised to E.164, not the sender's
 * own: neither their proven member phone nor the one on their account),
 * the message (at most 140 characters), and the shop's limits for the
 * currency with the start of the shop day. Limits are checked again with
 * the day's transfers under the sender's lock. No undo: it writes nothing.
 */
export const validateCreditTransferStep = createStep(
  validateCreditTransferStepId,
  async (input: SendCreditTransferWorkflowInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const settings = await service.retrieveSettings()
    if (!settings.transfers_enabled) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Sending credit to a phone is turned off (transfers_enabled)",
        LoyaltyErrorCode.TRANSFERS_DISABLED
      )
    }
    const currency = String(input.currency_code ?? "").toLowerCase()
    if (!isKnownCurrency(currency)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `currency_code (${input.currency_code}) is not a known currency code`,
        LoyaltyErrorCode.CURRENCY_UNKNOWN
      )
    }
    const amount = parsePositiveAmount(input.amount, currency)
    const phone = normalizePhone(input.phone)
    const countries = await signupCountries(container, settings)
    const country = phoneCountry(phone)
    if (!country || !countries.includes(country)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `phone (${input.phone}): credit can be sent to mobiles from ${countries.join(", ")} only`,
        LoyaltyErrorCode.TRANSFER_PHONE_NOT_SERVED
      )
    }
    const message = input.message?.trim() || null
    if (message && [...message].length > TRANSFER_MESSAGE_MAX) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `message must be at most ${TRANSFER_MESSAGE_MAX} characters`,
        LoyaltyErrorCode.INVALID_REQUEST
      )
    }

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [member, { data: customers }] = await Promise.all([
      service.retrieveMemberByPhone(phone),
      query.graph({ entity: "customer", fields: ["id", "phone"], filters: { id: input.customer_id } }),
    ])
    const sender: any = customers[0]
    if (!sender) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer with id: ${input.customer_id} was not found`,
        LoyaltyErrorCode.CUSTOMER_NOT_FOUND
      )
    }
    let accountPhone: string | null = null
    try {
      accountPhone = sender.phone ? normalizePhone(sender.phone) : null
    } catch {
      accountPhone = null
    }
    if (member?.customer_id === sender.id || accountPhone === phone) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `phone (${input.phone}) is the sender's own number`,
        LoyaltyErrorCode.TRANSFER_OWN_PHONE
      )
    }

    const at = new Date()
    const transfer: SendCreditTransferInput = {
      sender_customer_id: sender.id,
      currency_code: currency,
      amount: amount.toFixed(),
      recipient_phone: phone,
      message,
      idempotency_key: input.idempotency_key,
      created_by_type: input.actor_type,
      created_by_id: input.actor_id ?? null,
      at,
      limits: {
        max_amount: settings.transfer_max_amount?.[currency] ?? null,
        daily_limit: settings.transfer_daily_limit?.[currency] ?? null,
        daily_count: settings.transfer_daily_count,
        day_start: shopDayStart(shopDay(at, settings.time_zone), settings.time_zone),
        claim_days: settings.transfer_claim_days,
      },
    }
    return new StepResponse(transfer)
  }
)
