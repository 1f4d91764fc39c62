import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { MessageEvent, MessageLocale, validateTemplateBody } from "../../../utils/sms-messages"

export const upsertMessageTemplateStepId = "loyalty-upsert-message-template"

export type MessageTemplateInput = {
  event: MessageEvent
  locale: MessageLocale
  /** null: back to the shipped wording. */
  body: string | null
  gateway_template?: string | null
}

/**
 * Saves the shop's wording of a message (checked: only the event's
 * variables) or, with `body: null`, goes back to the shipped one. The undo
 * puts the previous wording back.
 */
export const upsertMessageTemplateStep = createStep(
  upsertMessageTemplateStepId,
  async (input: MessageTemplateInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    if (input.body !== null) {
      validateTemplateBody(input.event, input.body)
    }
    const [previous] = await service.listMessageTemplates({ event: input.event, locale: input.locale })
    if (input.body === null) {
      if (previous) {
        await service.softDeleteMessageTemplates([previous.id])
      }
    } else if (previous) {
      await service.updateMessageTemplates({
        id: previous.id,
        body: input.body,
        gateway_template: input.gateway_template ?? null,
      })
    } else {
      await service.createMessageTemplates({
        event: input.event,
        locale: input.locale,
        body: input.body,
        gateway_template: input.gateway_template ?? null,
      })
    }
    return new StepResponse(void 0, { input, previous: previous ?? null })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const [current] = await service.listMessageTemplates({ event: undo.input.event, locale: undo.input.locale })
    if (current) {
      await service.softDeleteMessageTemplates([current.id])
    }
    if (undo.previous) {
      await service.restoreMessageTemplates([undo.previous.id])
      await service.updateMessageTemplates({
        id: undo.previous.id,
        body: undo.previous.body,
        gateway_template: undo.previous.gateway_template,
      })
    }
  }
)
