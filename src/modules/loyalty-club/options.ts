import { MedusaError } from "@medusajs/framework/utils"
import { LoyaltyClubModuleOptions } from "./types"

/** The recovery jobs' options (see services/recovery.ts). */
export type LoyaltyRecoveryOptions = {
  /**
   * A checkout debit whose cart has no order is given back once it is this
   * old. Longer than the cart lock core's completeCartWorkflow takes (120 s):
   * a completion still holding its lock is never second-guessed.
   */
  reconcile_after_seconds?: number
  /**
   * An order is caught up (cashback, tier) only this long after it was
   * placed: its own order.placed subscribers, with their retries, go first.
   */
  catch_up_grace_seconds?: number
  /** How far back the catch-up and the reconciliation look (downtime covered). */
  catch_up_lookback_hours?: number
}

/** Public links sent by SMS (receipts, credit claims): see utils/link-token.ts. */
export type LoyaltyLinkOptions = {
  /**
   * The address shoppers open the plugin's public pages at (`/r/...`), e.g.
   * `https://shop.example.com`. Default: env LOYALTY_PUBLIC_URL, else
   * `http://localhost:9000`.
   */
  public_url?: string
  /**
   * The secret links are signed with (at least 16 characters). Default: env
   * LOYALTY_LINK_SECRET, else the project's `http.cookieSecret`. Changing it
   * ends every link sent before.
   */
  link_secret?: string
}

type NumericOptions = Required<LoyaltyClubModuleOptions> & Required<LoyaltyRecoveryOptions>

export type ResolvedLoyaltyClubOptions = NumericOptions & {
  public_url: string
  /** Null: the project's cookie secret (known to the app, not the module). */
  link_secret: string | null
}

/** The module's numeric options when the app's config leaves them out. */
export const DEFAULT_OPTIONS: NumericOptions = {
  expiring_soon_days: 7,
  restore_grace_days: 7,
  lock_timeout_ms: 5000,
  expiry_batch_size: 50000,
  reconcile_after_seconds: 180,
  catch_up_grace_seconds: 600,
  catch_up_lookback_hours: 72,
}

// Each numeric option and the least value it takes.
const MINIMUMS: Record<keyof NumericOptions, number> = {
  expiring_soon_days: 0,
  restore_grace_days: 0,
  lock_timeout_ms: 1,
  expiry_batch_size: 1,
  reconcile_after_seconds: 0,
  catch_up_grace_seconds: 0,
  catch_up_lookback_hours: 1,
}

/**
 * The options with their defaults, checked when the module starts: a typo
 * in medusa-config (a string, a negative wait) stops the app with a message
 * naming the option instead of running jobs with NaN windows.
 */
export function resolveOptions(
  options: (LoyaltyClubModuleOptions & LoyaltyRecoveryOptions & LoyaltyLinkOptions) | undefined
): ResolvedLoyaltyClubOptions {
  const resolved: ResolvedLoyaltyClubOptions = {
    ...DEFAULT_OPTIONS,
    public_url: publicUrl(options?.public_url ?? process.env.LOYALTY_PUBLIC_URL ?? "http://localhost:9000"),
    link_secret: linkSecret(options?.link_secret ?? process.env.LOYALTY_LINK_SECRET ?? null),
  }
  for (const [name, value] of Object.entries(options ?? {})) {
    if (!(name in MINIMUMS) || value === undefined || value === null) {
      continue
    }
    const key = name as keyof NumericOptions
    if (typeof value !== "number" || !Number.isFinite(value) || value < MINIMUMS[key]) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Loyalty club option ${name} must be a number of at least ${MINIMUMS[key]}, got ${JSON.stringify(value)}`
      )
    }
    resolved[key] = value as number
  }
  if (resolved.catch_up_lookback_hours * 3600 <= resolved.catch_up_grace_seconds) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Loyalty club option catch_up_lookback_hours (${resolved.catch_up_lookback_hours}) must reach further back than catch_up_grace_seconds (${resolved.catch_up_grace_seconds})`
    )
  }
  return resolved
}

// An absolute http(s) address, kept without a trailing slash so links read
// `${public_url}/r/<token>`.
function publicUrl(value: unknown): string {
  let url: URL | null = null
  try {
    url = typeof value === "string" ? new URL(value) : null
  } catch {
    url = null
  }
  if (!url || !["http:", "https:"].includes(url.protocol) || url.search || url.hash) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Loyalty club option public_url must be an http(s) address such as https://shop.example.com, got ${JSON.stringify(value)}`
    )
  }
  return url.toString().replace(/\/+$/, "")
}

// Short secrets make forgeable links: a typo'd env should stop the app.
function linkSecret(value: unknown): string | null {
  if (value === null || value === "") {
    return null
  }
  if (typeof value !== "string" || value.length < 16) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Loyalty club option link_secret must be a string of at least 16 characters, got ${
        typeof value === "string" ? `${value.length} characters` : JSON.stringify(value)
      }`
    )
  }
  return value
}
