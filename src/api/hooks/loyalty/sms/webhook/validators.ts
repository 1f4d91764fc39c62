import { z } from "@medusajs/framework/zod"
import { invalidField } from "../../../../../utils/error-codes"

/**
 * The webhook gateway's inbound call. Checked after the signature, by hand,
 * so a malformed one is a 400 naming the field (zod's own errors would not
 * carry a code).
 */
export const InboundWebhookBody = z.unknown().transform((value) => {
  const body = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>
  const text = (field: string, required = false) => {
    const v = body[field]
    if (v === undefined || v === null) {
      if (required) {
        throw invalidField(field, `${field} is required`)
      }
      return null
    }
    if (typeof v !== "string" && typeof v !== "number") {
      throw invalidField(field, `${field} must be text`)
    }
    if (String(v).length > 2000) {
      throw invalidField(field, `${field} must be at most 2000 characters`)
    }
    return String(v)
  }
  const type = body.type
  if (type !== "reply" && type !== "delivery") {
    throw invalidField("type", `type must be reply or delivery`)
  }
  return {
    id: text("id", true)!,
    type,
    from: text("from", type === "reply"),
    text: text("text"),
    message_id: text("message_id", type === "delivery"),
    status: text("status", type === "delivery"),
    received_at: text("received_at"),
  }
})
