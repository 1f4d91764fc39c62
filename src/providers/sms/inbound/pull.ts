import { createHash } from "node:crypto"
import { GHASEDAK_BASE_URL } from "../gateways/ghasedak"
import { KAVENEGAR_BASE_URL } from "../gateways/kavenegar"
import { MELIPAYAMAK_REST_BASE_URL } from "../gateways/melipayamak"
import { SMSIR_BASE_URL } from "../gateways/smsir"
import { SmsProviderOptions } from "../types"
import { inboundPhone, InboundReport } from "./push"

/** Gateways whose replies are read by asking (the job every five minutes). */
export const PULL_GATEWAYS = ["kavenegar", "smsir", "ghasedak", "melipayamak"] as const

/** A gateway's inbox could not be read: the message names the gateway and the reason, never a key. */
export class InboundReadError extends Error {
  constructor(
    readonly gateway: string,
    message: string
  ) {
    super(`${gateway}: ${message}`)
  }
}

type Fetch = typeof fetch

const base = (options: SmsProviderOptions, fallback: string) => (options.base_url ?? fallback).replace(/\/+$/, "")

// A reply the gateway gives no id for: the sender, the time and the text
// name it, so the same entry read again is the same row.
function derivedId(...parts: unknown[]): string {
  return createHash("sha256").update(parts.map((p) => String(p ?? "")).join("\u0000")).digest("hex").slice(0, 32)
}

// A gateway's time: Unix seconds (Kavenegar), or an ISO text (sms.ir,
// Ghasedak; Tehran time when it names no zone), else now.
function gatewayTime(value: unknown, now: Date): Date {
  if (typeof value === "number" || (typeof value === "string" && /^\d{9,11}$/.test(value))) {
    return new Date(Number(value) * 1000)
  }
  if (typeof value === "string" && value.trim()) {
    const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(" ", "T")}+03:30`
    const at = new Date(text)
    if (!Number.isNaN(at.getTime())) {
      return at
    }
  }
  return now
}

async function getJson(
  gateway: string,
  doFetch: Fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number
): Promise<{ status: number; body: any }> {
  let response: Response
  try {
    response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error: any) {
    // The URL is left out: Kavenegar's carries the API key.
    throw new InboundReadError(gateway, `inbox not reachable (${error?.name === "TimeoutError" ? "timed out" : error?.code ?? error?.name ?? "network error"})`)
  }
  const text = await response.text()
  let body: any = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  return { status: response.status, body }
}

/**
 * Kavenegar: `GET /v1/{API_KEY}/sms/receive.json?linenumber=<line>&isread=0`
 * answers the unread replies to the line and marks them read, as
 * `{ return: { status, message }, entries: [{ messageid, message, sender,
 * receptor, date }] }` (`date` in Unix seconds). `return.status` 200 is the
 * only success, whatever the HTTP status.
 */
async function readKavenegar(options: SmsProviderOptions, doFetch: Fetch, now: Date): Promise<InboundReport[]> {
  const line = options.sender
  if (!line) {
    throw new InboundReadError("kavenegar", "the sender option (the line replies come to) is not set")
  }
  const url = `${base(options, KAVENEGAR_BASE_URL)}/v1/${encodeURIComponent(options.api_key ?? "")}/sms/receive.json?linenumber=${encodeURIComponent(String(line))}&isread=0`
  const { status, body } = await getJson("kavenegar", doFetch, url, { method: "GET" }, options.timeout_ms ?? 10000)
  const verdict = Number(body?.return?.status ?? status)
  if (verdict !== 200) {
    throw new InboundReadError("kavenegar", `inbox refused (${verdict}${body?.return?.message ? `: ${body.return.message}` : ""})`)
  }
  const entries: any[] = Array.isArray(body?.entries) ? body.entries : []
  return entries.flatMap((e) => {
    if (e?.messageid === undefined || e?.messageid === null) {
      return []
    }
    return [
      {
        gateway: "kavenegar",
        kind: "reply" as const,
        external_id: String(e.messageid),
        phone: inboundPhone(e.sender),
        body: typeof e.message === "string" ? e.message : null,
        received_at: gatewayTime(e.date, now),
        data: { receptor: e.receptor ?? null },
      },
    ]
  })
}

/**
 * sms.ir: `GET /v1/receive/live?pageSize=100` with the `X-API-KEY` header
 * answers today's replies in the wrapper `{ status, message, data }`,
 * `status: 1` for success. Unverified: the entry's field names (read as
 * `mobile`, `messageText`, `receivedDateTime`, `number`; `id` when there is
 * one, else an id made of the sender, time and text, so a reply read on
 * every run of the day is recorded once).
 */
async function readSmsir(options: SmsProviderOptions, doFetch: Fetch, now: Date): Promise<InboundReport[]> {
  const { status, body } = await getJson(
    "smsir",
    doFetch,
    `${base(options, SMSIR_BASE_URL)}/v1/receive/live?pageSize=100&pageNumber=1`,
    { method: "GET", headers: { "X-API-KEY": String(options.api_key ?? ""), Accept: "application/json" } },
    options.timeout_ms ?? 10000
  )
  if (status >= 300 || (body?.status !== undefined && Number(body.status) !== 1)) {
    throw new InboundReadError("smsir", `inbox refused (${body?.status ?? status}${body?.message ? `: ${body.message}` : ""})`)
  }
  const entries: any[] = Array.isArray(body?.data) ? body.data : []
  return entries.map((e) => {
    const mobile = e?.mobile ?? e?.Mobile ?? e?.sender
    const text = e?.messageText ?? e?.MessageText ?? e?.text ?? null
    const at = e?.receivedDateTime ?? e?.ReceivedDateTime ?? e?.date
    return {
      gateway: "smsir",
      kind: "reply" as const,
      external_id: e?.id !== undefined && e?.id !== null ? String(e.id) : derivedId(mobile, at, text),
      phone: inboundPhone(mobile),
      body: typeof text === "string" ? text : null,
      received_at: gatewayTime(at, now),
      data: { number: e?.number ?? null },
    }
  })
}

/**
 * Ghasedak: `GET /GetReceivedSmses?LineNumber=<line>&IsRead=false` with the
 * `ApiKey` header, in the wrapper `{ isSuccess, statusCode, message, data }`.
 * Unverified: the path and the entry's names (read as `id`/`messageId`,
 * `sender`/`mobile`, `message`/`text`, `receiveDate`/`date`; `data` a list
 * or `{ items: [...] }`).
 */
async function readGhasedak(options: SmsProviderOptions, doFetch: Fetch, now: Date): Promise<InboundReport[]> {
  const line = options.line_number
  const { status, body } = await getJson(
    "ghasedak",
    doFetch,
    `${base(options, GHASEDAK_BASE_URL)}/GetReceivedSmses?LineNumber=${encodeURIComponent(String(line ?? ""))}&IsRead=false`,
    { method: "GET", headers: { ApiKey: String(options.api_key ?? ""), Accept: "application/json" } },
    options.timeout_ms ?? 10000
  )
  if (status >= 300 || body?.isSuccess === false) {
    throw new InboundReadError("ghasedak", `inbox refused (${body?.statusCode ?? status}${body?.message ? `: ${body.message}` : ""})`)
  }
  const data = body?.data
  const entries: any[] = Array.isArray(data) ? data : Array.isArray(data?.items) ? data.items : []
  return entries.map((e) => {
    const sender = e?.sender ?? e?.mobile ?? e?.from
    const text = e?.message ?? e?.text ?? null
    const at = e?.receiveDate ?? e?.date ?? e?.receivedDate
    const id = e?.id ?? e?.messageId
    return {
      gateway: "ghasedak",
      kind: "reply" as const,
      external_id: id !== undefined && id !== null ? String(id) : derivedId(sender, at, text),
      phone: inboundPhone(sender),
      body: typeof text === "string" ? text : null,
      received_at: gatewayTime(at, now),
      data: { line: e?.lineNumber ?? e?.receptor ?? null },
    }
  })
}

/**
 * Melipayamak (payamak-panel REST): `POST /api/SendSMS/GetMessages`,
 * form-encoded `username, password, location=1` (the inbox), `from` (the
 * line), `index=0, count=100`, answering `{ Value, RetStatus,
 * StrRetStatus, Data: [{ MsgID, Body, Sender, Receiver, SendDate }] }`;
 * `RetStatus` 1 is success. Unverified: `Data`'s field names (tolerated as
 * above). Needs the REST credentials (username, password), which the
 * console API's token does not replace.
 */
async function readMelipayamak(options: SmsProviderOptions, doFetch: Fetch, now: Date): Promise<InboundReport[]> {
  if (!options.username || !options.password) {
    throw new InboundReadError("melipayamak", "reading replies needs the REST API's username and password options")
  }
  const form = new URLSearchParams({
    username: String(options.username),
    password: String(options.password),
    location: "1",
    from: String(options.from ?? ""),
    index: "0",
    count: "100",
  })
  const restBase = base(options, MELIPAYAMAK_REST_BASE_URL)
  const { status, body } = await getJson(
    "melipayamak",
    doFetch,
    `${restBase}/api/SendSMS/GetMessages`,
    { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form.toString() },
    options.timeout_ms ?? 10000
  )
  if (status >= 300 || Number(body?.RetStatus) !== 1) {
    throw new InboundReadError("melipayamak", `inbox refused (${body?.RetStatus ?? status}${body?.StrRetStatus ? `: ${body.StrRetStatus}` : ""})`)
  }
  const entries: any[] = Array.isArray(body?.Data) ? body.Data : Array.isArray(body?.Value) ? body.Value : []
  return entries.map((e) => {
    const sender = e?.Sender ?? e?.sender ?? e?.From
    const text = e?.Body ?? e?.body ?? e?.Text ?? null
    const at = e?.SendDate ?? e?.ReceiveDate ?? e?.Date
    const id = e?.MsgID ?? e?.MsgId ?? e?.Id
    return {
      gateway: "melipayamak",
      kind: "reply" as const,
      external_id: id !== undefined && id !== null ? String(id) : derivedId(sender, at, text),
      phone: inboundPhone(sender),
      body: typeof text === "string" ? text : null,
      received_at: gatewayTime(at, now),
      data: { receiver: e?.Receiver ?? null },
    }
  })
}

/**
 * Reads the replies waiting at the store's gateway; gateways that push
 * (Twilio, the webhook) or have no inbox (log) give nothing. Throws
 * `InboundReadError` when the inbox cannot be read.
 */
export async function readInbound(
  options: SmsProviderOptions,
  { now = new Date(), fetch: doFetch = fetch }: { now?: Date; fetch?: Fetch } = {}
): Promise<InboundReport[]> {
  switch (options.gateway) {
    case "kavenegar":
      return await readKavenegar(options, doFetch, now)
    case "smsir":
      return await readSmsir(options, doFetch, now)
    case "ghasedak":
      return await readGhasedak(options, doFetch, now)
    case "melipayamak":
      return await readMelipayamak(options, doFetch, now)
    default:
      return []
  }
}
