import { z } from "@medusajs/framework/zod"
import { MESSAGE_LOCALES } from "../../../../utils/sms-messages"

export type StoreUpdateSmsPreferenceType = z.infer<typeof StoreUpdateSmsPreference>
export const StoreUpdateSmsPreference = z.strictObject({
  opted_out: z.boolean().optional(),
  promotions_opted_out: z.boolean().optional(),
  locale: z.enum(MESSAGE_LOCALES).nullable().optional(),
})
