import { SmsGatewayError } from "./errors"
import { GatewayName } from "./types"

export type GatewayRequest = {
  gateway: GatewayName
  url: string
  headers?: Record<string, string>
  /** Sent as application/x-www-form-urlencoded; undefined fields are left out. */
  form?: Record<string, string | number | boolean | undefined>
  /** Sent as application/json, exactly as given (a signed body is a string). */
  json?: unknown
  timeoutMs: number
  /** Credentials that must never reach a log line or an error message. */
  secrets: Array<string | undefined>
}

export type GatewayResponse = {
  status: number
  ok: boolean
  /**
   * The parsed JSON reply, or undefined when the reply was not JSON. Integers
   * too long for a JS number (gateway message ids) are strings of their digits.
   */
  body: any
  text: string
}

// A key shorter than this would match ordinary words in a gateway's message;
// no gateway issues keys that short.
const MIN_SECRET_LENGTH = 4

export function redact(
  text: string,
  secrets: Array<string | undefined>
): string {
  let out = text
  for (const given of secrets) {
    // A key written as a number in medusa-config is still a key.
    const secret = given === undefined || given === null ? "" : String(given)
    if (secret.length < MIN_SECRET_LENGTH) {
      continue
    }
    // Kavenegar and Melipayamak carry the key in the URL path, where it may
    // appear percent-encoded.
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.split(form).join("[redacted]")
    }
  }
  return out
}

// A JSON string (skipped as it is), or an integer literal of 16 digits or
// more that is not part of a decimal or an exponent: fifteen digits always
// fit a JS number exactly, some sixteen-digit integers do not.
const LONG_INTEGER_OR_STRING =
  /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?\d{16,}(?![\w.])/g

/**
 * `JSON.parse`, except that an integer longer than a JS number holds exactly
 * comes back as the string of its digits. Gateways send message ids as JSON
 * numbers (Kavenegar's `messageid`, sms.ir's `messageIds`, Melipayamak's
 * `recId`); a 19-digit id parsed as a number loses its last digits, and the
 * stored id then matches no delivery report. Undefined when the text is not
 * JSON.
 */
export function parseGatewayJson(text: string): any {
  if (!text) {
    return undefined
  }
  const exact = text.replace(LONG_INTEGER_OR_STRING, (token) =>
    token.startsWith('"') ? token : `"${token}"`
  )
  try {
    return JSON.parse(exact)
  } catch {
    return undefined
  }
}

/**
 * POST to a gateway with a hard deadline. Network failures and timeouts
 * become transient SmsGatewayErrors whose message names neither the URL (it
 * may hold the key) nor the request; the caller reads the reply's verdict.
 */
export async function postToGateway(
  request: GatewayRequest
): Promise<GatewayResponse> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    ...request.headers,
  }
  let body: string | undefined
  if (request.form) {
    const form = new URLSearchParams()
    for (const [key, value] of Object.entries(request.form)) {
      if (value !== undefined) {
        form.append(key, String(value))
      }
    }
    body = form.toString()
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  } else if (request.json !== undefined) {
    body =
      typeof request.json === "string"
        ? request.json
        : JSON.stringify(request.json)
    headers["Content-Type"] = "application/json"
  }

  const controller = new AbortController()
  // The timer covers reading the body too: a gateway that sends headers and
  // then stalls must not hold a workflow step forever.
  const timer = setTimeout(() => controller.abort(), request.timeoutMs)
  try {
    const response = await fetch(request.url, {
      method: "POST",
      headers,
      body,
      signal: controller.signal,
    })
    const text = await response.text()
    return {
      status: response.status,
      ok: response.ok,
      body: parseGatewayJson(text),
      text,
    }
  } catch (e) {
    if (e instanceof SmsGatewayError) {
      throw e
    }
    const error = e as Error & { cause?: { code?: string } }
    const timedOut = controller.signal.aborted
    // Node's fetch says only "fetch failed"; the cause's code (ECONNREFUSED,
    // ECONNRESET, ENOTFOUND) is what an operator needs, and holds no URL.
    const reason = timedOut
      ? `no reply within ${request.timeoutMs}ms`
      : (error.cause?.code ?? error.message ?? "request failed")
    throw new SmsGatewayError({
      gateway: request.gateway,
      code: timedOut ? "timeout" : "network",
      description: redact(reason, request.secrets),
      transient: true,
    })
  } finally {
    clearTimeout(timer)
  }
}

/** A short, key-free excerpt of what a gateway said, for an error message. */
export function describeReply(
  value: unknown,
  secrets: Array<string | undefined>
): string {
  if (value === undefined || value === null || value === "") {
    return ""
  }
  const text = typeof value === "string" ? value : JSON.stringify(value)
  const excerpt = text.length > 200 ? `${text.slice(0, 200)}...` : text
  return redact(excerpt, secrets)
}
