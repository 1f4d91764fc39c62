import { MedusaError } from "@medusajs/framework/utils"
import { GATEWAYS, GatewayName, SmsProviderOptions } from "./types"

const NUMBER_FORMATS = ["e164", "ir_local", "ir_98"]

export const DEFAULT_TIMEOUT_MS = 10000
export const DEFAULT_MAX_ATTEMPTS = 3
export const DEFAULT_RETRY_BASE_MS = 500

// Each entry is a list of alternatives: ["from", "messaging_service_sid"]
// means one of the two is enough.
function requiredOptions(options: SmsProviderOptions): string[][] {
  const gateway: GatewayName = options.gateway ?? "log"
  switch (gateway) {
    case "kavenegar":
      return [["api_key"]]
    case "smsir":
    case "ghasedak":
      return [["api_key"], ["line_number"]]
    case "melipayamak":
      return options.melipayamak_api === "rest"
        ? [["username"], ["password"], ["from"]]
        : [["token"], ["from"]]
    case "twilio":
      return [
        ["account_sid"],
        ["auth_token"],
        ["from", "messaging_service_sid"],
      ]
    case "webhook":
      return [["url"], ["secret"]]
    case "log":
      return []
  }
}

// Options whose value is text: a string, or a number as a line or sender
// number is often written.
const TEXT_OPTIONS = [
  "base_url",
  "api_key",
  "sender",
  "line_number",
  "token",
  "username",
  "password",
  "from",
  "account_sid",
  "auth_token",
  "messaging_service_sid",
  "status_callback",
  "url",
  "secret",
  "inbound_token",
  "public_url",
] as const

// `apiKey`, `API_KEY` and `api-key` all read as `api_key`.
function looseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "")
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) {
    return "a list"
  }
  return typeof value === "object" ? "an object" : `a ${typeof value}`
}

function isSet(value: unknown): boolean {
  if (typeof value === "string") {
    return value.trim().length > 0
  }
  return typeof value === "number" && Number.isFinite(value)
}

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function checkInteger(
  options: SmsProviderOptions,
  name: "timeout_ms" | "max_attempts" | "retry_base_ms",
  min: number
): void {
  const value = options[name]
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    invalid(
      `SMS provider option ${name} (${value}) must be an integer of at least ${min}`
    )
  }
}

function checkUrl(name: string, value: unknown): void {
  let url: URL | undefined
  try {
    url = new URL(String(value))
  } catch {
    url = undefined
  }
  if (!url || !["http:", "https:"].includes(url.protocol)) {
    // The value is left out: a webhook URL may carry a token in its query.
    invalid(`SMS provider option ${name} must be an http(s) URL`)
  }
}

/**
 * Checks the options a store wrote in medusa-config, at boot rather than at
 * the first SMS. Messages name the missing option, never a value, so a
 * misconfigured key does not end up in the boot log.
 */
export function validateSmsOptions(input: unknown): void {
  if (input !== undefined && (typeof input !== "object" || input === null)) {
    invalid("SMS provider options must be an object")
  }
  const options = (input ?? {}) as SmsProviderOptions
  const gateway = options.gateway ?? "log"

  if (!GATEWAYS.includes(gateway)) {
    invalid(
      `SMS provider option gateway (${gateway}) must be one of ${GATEWAYS.join(", ")}`
    )
  }
  if (
    options.melipayamak_api !== undefined &&
    !["console", "rest"].includes(options.melipayamak_api)
  ) {
    invalid(
      `SMS provider option melipayamak_api (${options.melipayamak_api}) must be console or rest`
    )
  }

  // Checked before "missing" so `api_key: true` is not reported as absent.
  // The value is never echoed: it may be a credential.
  for (const name of TEXT_OPTIONS) {
    const value: unknown = options[name]
    const isText =
      typeof value === "string" ||
      (typeof value === "number" && Number.isFinite(value))
    if (value !== undefined && value !== null && !isText) {
      invalid(
        `SMS provider option ${name} must be a string, not ${typeName(value)}`
      )
    }
  }

  const missingGroups = requiredOptions(options).filter((alternatives) =>
    alternatives.every(
      (name) => !isSet(options[name as keyof SmsProviderOptions])
    )
  )
  if (missingGroups.length) {
    const missing = missingGroups.map((alternatives) =>
      alternatives.join(" or ")
    )
    const mode =
      gateway === "melipayamak"
        ? ` (${options.melipayamak_api ?? "console"} API)`
        : ""
    // A misspelt name (apiKey for api_key) is the likeliest reason an option
    // the store did write is missing.
    const wanted = new Map(
      missingGroups.flat().map((name) => [looseName(name), name])
    )
    const misspelt = Object.keys(options)
      .filter((given) => {
        const name = wanted.get(looseName(given))
        return name !== undefined && name !== given
      })
      .map((given) => `${given} is spelt ${wanted.get(looseName(given))}`)
    invalid(
      `SMS gateway ${gateway}${mode} needs the option${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` +
        (misspelt.length ? ` (${misspelt.join(", ")})` : "")
    )
  }

  if (
    options.number_format !== undefined &&
    !NUMBER_FORMATS.includes(options.number_format)
  ) {
    invalid(
      `SMS provider option number_format (${options.number_format}) must be one of ${NUMBER_FORMATS.join(", ")}`
    )
  }
  checkInteger(options, "timeout_ms", 1)
  checkInteger(options, "max_attempts", 1)
  checkInteger(options, "retry_base_ms", 0)
  if (options.base_url !== undefined) {
    checkUrl("base_url", options.base_url)
  }
  if (gateway === "webhook") {
    checkUrl("url", options.url)
  }
}

export function withDefaults(options: SmsProviderOptions): SmsProviderOptions {
  return {
    ...options,
    gateway: options.gateway ?? "log",
    timeout_ms: options.timeout_ms ?? DEFAULT_TIMEOUT_MS,
    max_attempts: options.max_attempts ?? DEFAULT_MAX_ATTEMPTS,
    retry_base_ms: options.retry_base_ms ?? DEFAULT_RETRY_BASE_MS,
  }
}

/**
 * A message may name its own sender line (`notification.from`, or
 * `data.sender` from the store's settings); it goes in whichever option the
 * gateway sends as its sender. The webhook and log gateways have none.
 */
export function withSenderOverride(
  options: SmsProviderOptions,
  sender: unknown
): SmsProviderOptions {
  const hasSender =
    (typeof sender === "string" && sender.trim().length > 0) ||
    (typeof sender === "number" && Number.isFinite(sender))
  if (!hasSender) {
    return options
  }
  const value = typeof sender === "string" ? sender.trim() : String(sender)
  switch (options.gateway) {
    case "kavenegar":
      return { ...options, sender: value }
    case "smsir":
    case "ghasedak":
      return { ...options, line_number: value }
    case "melipayamak":
    case "twilio":
      return { ...options, from: value }
    default:
      return options
  }
}
