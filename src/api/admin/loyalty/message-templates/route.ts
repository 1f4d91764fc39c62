import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import {
  DEFAULT_TEMPLATES,
  MESSAGE_EVENTS,
  MESSAGE_LOCALES,
  MESSAGE_VARIABLES,
} from "../../../../utils/sms-messages"
import { upsertMessageTemplateWorkflow } from "../../../../workflows"
import { AdminUpsertMessageTemplateType } from "./validators"

async function listTemplates(req: AuthenticatedMedusaRequest) {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const overrides = await service.listMessageTemplates({})
  return MESSAGE_EVENTS.flatMap((event) =>
    MESSAGE_LOCALES.map((locale) => {
      const custom = overrides.find((t) => t.event === event && t.locale === locale)
      return {
        event,
        locale,
        body: custom?.body ?? DEFAULT_TEMPLATES[event][locale],
        default_body: DEFAULT_TEMPLATES[event][locale],
        is_default: !custom?.body,
        gateway_template: custom?.gateway_template ?? null,
        variables: MESSAGE_VARIABLES[event],
      }
    })
  )
}

/** Every message in every language: the shop's wording or the shipped one, and its variables. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ message_templates: await listTemplates(req) })
}

/**
 * Saves one message's wording and/or gateway template in one language
 * (`body: null` goes back to the shipped wording; a field left out stays).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpsertMessageTemplateType>,
  res: MedusaResponse
) => {
  await upsertMessageTemplateWorkflow(req.scope).run({
    input: {
      event: req.validatedBody.event,
      locale: req.validatedBody.locale,
      body: req.validatedBody.body,
      gateway_template: req.validatedBody.gateway_template,
    },
  })
  const templates = await listTemplates(req)
  res.json({
    message_template: templates.find(
      (t) => t.event === req.validatedBody.event && t.locale === req.validatedBody.locale
    ),
  })
}
