import { z } from "@medusajs/framework/zod"
import { MESSAGE_EVENTS, MESSAGE_LOCALES } from "../../../../utils/sms-messages"

export type AdminUpsertMessageTemplateType = z.infer<typeof AdminUpsertMessageTemplate>
export const AdminUpsertMessageTemplate = z.strictObject({
  event: z.enum(MESSAGE_EVENTS),
  locale: z.enum(MESSAGE_LOCALES),
  /** null: back to the shipped wording; left out: unchanged. */
  body: z.string().max(1000).nullable().optional(),
  /** null or "": none; left out: unchanged. */
  gateway_template: z.string().max(200).nullable().optional(),
})
