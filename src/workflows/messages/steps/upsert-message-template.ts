import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { MessageEvent, MessageLocale, validateTemplateBody } from "../../../utils/sms-messages"

export const upsertMessageTemplateStepId = "loyalty-upsert-message-template"

export type MessageTemplateInput = {
  event: MessageEvent
  locale: MessageLocale
  /** The wording; null: back to the shipped one; left out: unchanged. */
  body?: string | null
  /** An approved gateway template; null: none; left out: unchanged. */
  gateway_template?: string | null
}

/**
 * Saves the shop's wording of a message and/or the gateway template it is
 * sent as (checked: only the event's variables). A row that keeps neither
 * goes away. The undo puts the previous row back.
 */
export const upsertMessageTemplateStep = createStep(
  upsertMessageTemplateStepId,
  async (input: MessageTemplateInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    if (input.body != null) {
      validateTemplateBody(input.event, input.body)
    }
    const [previous] = await service.listMessageTemplates({ event: input.event, locale: input.locale })
    const body = input.body !== undefined ? input.body : previous?.body ?? null
    const gatewayTemplate =
      input.gateway_template !== undefined ? input.gateway_template || null : previous?.gateway_template ?? null
    if (body === null && gatewayTemplate === null) {
      if (previous) {
        await service.softDeleteMessageTemplates([previous.id])
      }
    } else if (previous) {
      await service.updateMessageTemplates({ id: previous.id, body, gateway_template: gatewayTemplate })
    } else {
      await service.createMessageTemplates({
        event: input.event,
        locale: input.locale,
        body,
        gateway_template: gatewayTemplate,
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
