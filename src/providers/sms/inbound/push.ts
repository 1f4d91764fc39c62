import { createHmac, timingSafeEqual } from "node:crypto"
import { normalizePhone } from "../../../utils/phone"

/**
 * What a gateway told us, as the inbound routes and readers make it out:
 * a customer's reply or a delivery report about a message we sent
 * (`external_id` is then the gateway's id of that message).
 */
export type InboundReport = {
  gateway: string
  kind: "reply" | "delivery"
  /**
   * Unique per gateway and kind: a reply's id, or for a delivery report the
   * message's id and the state (a message reported sent, then delivered,
   * has two reports).
   */
  external_id: string
  /** Delivery reports: the gateway's id of the message sent. */
  message_ref?: string | null
  phone?: string | null
  body?: string | null
  /** Delivery reports: `delivered`, `undelivered`, or the gateway's own word. */
  status?: string | null
  received_at: Date
  data?: Record<string, unknown> | null
}

/** A sender's number as E.164, or null when it is not a mobile number we can read. */
export function inboundPhone(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") {
    return null
  }
  try {
    return normalizePhone(String(value))
  } catch {
    return null
  }
}

/** Text compared in constant time (a token or a signature), false for anything but two strings. */
export function safeEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string" || !a || !b) {
    return false
  }
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Twilio's request signature: base64 HMAC-SHA1 with the auth token over the
 * full URL Twilio called, followed by each POST parameter's name and value,
 * sorted by name.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, unknown>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => {
      const value = params[key]
      const values = Array.isArray(value) ? value : [value]
      return acc + values.map((v) => `${key}${v ?? ""}`).join("")
    }, url)
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf-8")).digest("base64")
}

// Twilio's message states that end a message's journey.
const TWILIO_DELIVERED = new Set(["delivered", "read"])
const TWILIO_UNDELIVERED = new Set(["undelivered", "failed"])

/**
 * A Twilio webhook: an inbound message (`Body`, `From`, `MessageSid`) or a
 * StatusCallback (`MessageStatus`, `MessageSid`). States on the way
 * (queued, sent) are recorded with their own word and change nothing.
 */
export function readTwilioPush(params: Record<string, unknown>, now = new Date()): InboundReport[] {
  const sid = typeof params.MessageSid === "string" ? params.MessageSid : typeof params.SmsSid === "string" ? params.SmsSid : null
  if (!sid) {
    return []
  }
  const status = typeof params.MessageStatus === "string" ? params.MessageStatus.toLowerCase() : null
  if (status && typeof params.Body !== "string") {
    const verdict = TWILIO_DELIVERED.has(status) ? "delivered" : TWILIO_UNDELIVERED.has(status) ? "undelivered" : status
    return [
      {
        gateway: "twilio",
        kind: "delivery",
        external_id: `${sid}:${status}`,
        message_ref: sid,
        status: verdict,
        received_at: now,
        data: { status, error_code: params.ErrorCode ?? null },
      },
    ]
  }
  return [
    {
      gateway: "twilio",
      kind: "reply",
      external_id: sid,
      phone: inboundPhone(params.From),
      body: typeof params.Body === "string" ? params.Body : null,
      received_at: now,
      data: { to: params.To ?? null },
    },
  ]
}

// Kavenegar's delivery codes: 10 delivered, 11 not delivered; others
// (1 queued, 2 scheduled, 4/5 sent to the carrier, 6 failed, 13/14
// canceled or blocked) are recorded with their number.
function kavenegarVerdict(status: unknown): string | null {
  const code = String(status ?? "").trim()
  if (!code) {
    return null
  }
  return code === "10" ? "delivered" : code === "11" || code === "6" || code === "14" ? "undelivered" : code
}

/**
 * Kavenegar's forward URL: a reply carries `from`, `to`, `message` and
 * `messageid`; a delivery report `messageid` and `status` (10 delivered, 11
 * not). Fields arrive as a query string or a form, whichever the panel is
 * set to; names are read in any case.
 */
export function readKavenegarPush(input: Record<string, unknown>, now = new Date()): InboundReport[] {
  const params = Object.fromEntries(Object.entries(input).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]))
  const id = params.messageid ?? params.message_id
  if (id === undefined || id === null || String(id).trim() === "") {
    return []
  }
  if (typeof params.message === "string" || params.from !== undefined) {
    return [
      {
        gateway: "kavenegar",
        kind: "reply",
        external_id: String(id),
        phone: inboundPhone(params.from),
        body: typeof params.message === "string" ? params.message : null,
        received_at: now,
        data: { to: params.to ?? null },
      },
    ]
  }
  return [
    {
      gateway: "kavenegar",
      kind: "delivery",
      external_id: `${id}:${params.status ?? ""}`,
      message_ref: String(id),
      status: kavenegarVerdict(params.status),
      received_at: now,
      data: { status: params.status ?? null },
    },
  ]
}

/** Our own webhook gateway's inbound JSON, already checked to be signed. */
export type WebhookInbound = {
  id: string
  type: "reply" | "delivery"
  from?: string | null
  text?: string | null
  message_id?: string | null
  status?: string | null
  received_at?: string | null
}

/**
 * The webhook gateway's inbound call: a reply (`from`, `text`; its own
 * `id`) or a delivery report (`message_id`: the id our send got back,
 * `status` delivered or undelivered).
 */
export function readWebhookPush(body: WebhookInbound, now = new Date()): InboundReport[] {
  const at = body.received_at ? new Date(body.received_at) : now
  const receivedAt = Number.isNaN(at.getTime()) ? now : at
  if (body.type === "delivery") {
    return [
      {
        gateway: "webhook",
        kind: "delivery",
        external_id: String(body.id),
        message_ref: String(body.message_id ?? body.id),
        status: body.status ?? null,
        received_at: receivedAt,
        data: { id: body.id },
      },
    ]
  }
  return [
    {
      gateway: "webhook",
      kind: "reply",
      external_id: String(body.id),
      phone: inboundPhone(body.from),
      body: body.text ?? null,
      received_at: receivedAt,
      data: null,
    },
  ]
}
