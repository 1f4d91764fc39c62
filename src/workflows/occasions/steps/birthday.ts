import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { BirthdayRow } from "../../../modules/loyalty-club/services/occasions"
import { loyaltyError, LoyaltyErrorCode } from "../../../utils/error-codes"
import { BirthdayCalendar, birthdayProblem } from "../../../utils/occasions"
import { MedusaError } from "@medusajs/framework/utils"

export type SetBirthdayInput = {
  customer_id: string
  calendar: BirthdayCalendar
  month: number
  day: number
  /** Who set it: the shopper, staff or the kiosk. */
  set_by: "customer" | "admin" | "kiosk"
}

type Undo = { customer_id: string; before: BirthdayRow | null }

export const setBirthdayStepId = "loyalty-set-birthday"

/**
 * Sets a customer's birthday (checked again here: a workflow may be called
 * without the route's validation). Saving the same day again keeps its
 * `changed_at`. The undo puts back the one before.
 */
export const setBirthdayStep = createStep(
  setBirthdayStepId,
  async (input: SetBirthdayInput, { container }) => {
    const problem = birthdayProblem(input)
    if (problem) {
      throw loyaltyError(MedusaError.Types.INVALID_DATA, problem, LoyaltyErrorCode.BIRTHDAY_INVALID)
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const { birthday, before } = await service.setCustomerBirthday({
      customer_id: input.customer_id,
      calendar: input.calendar,
      month: input.month,
      day: input.day,
      set_by: input.set_by,
    })
    return new StepResponse<BirthdayRow, Undo>(birthday, { customer_id: input.customer_id, before })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.restoreCustomerBirthday(undo.customer_id, undo.before)
  }
)

export const clearBirthdayStepId = "loyalty-clear-birthday"

/** Clears a customer's birthday; the undo puts it back with its `changed_at`. */
export const clearBirthdayStep = createStep(
  clearBirthdayStepId,
  async (input: { customer_id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const before = await service.clearCustomerBirthday(input.customer_id)
    return new StepResponse<null, Undo | null>(null, before ? { customer_id: input.customer_id, before } : null)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.restoreCustomerBirthday(undo.customer_id, undo.before)
  }
)
