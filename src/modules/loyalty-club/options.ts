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

export type ResolvedLoyaltyClubOptions = Required<LoyaltyClubModuleOptions> &
  Required<LoyaltyRecoveryOptions>

/** The module's options when the app's config leaves them out. */
export const DEFAULT_OPTIONS: ResolvedLoyaltyClubOptions = {
  expiring_soon_days: 7,
  restore_grace_days: 7,
  lock_timeout_ms: 5000,
  expiry_batch_size: 50000,
  reconcile_after_seconds: 180,
  catch_up_grace_seconds: 600,
  catch_up_lookback_hours: 72,
}

// Each numeric option and the least value it takes.
const MINIMUMS: Record<keyof ResolvedLoyaltyClubOptions, number> = {
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
  options: (LoyaltyClubModuleOptions & LoyaltyRecoveryOptions) | undefined
): ResolvedLoyaltyClubOptions {
  const resolved = { ...DEFAULT_OPTIONS }
  for (const [name, value] of Object.entries(options ?? {})) {
    if (!(name in MINIMUMS) || value === undefined || value === null) {
      continue
    }
    const key = name as keyof ResolvedLoyaltyClubOptions
    if (typeof value !== "number" || !Number.isFinite(value) || value < MINIMUMS[key]) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Loyalty club option ${name} must be a number of at least ${MINIMUMS[key]}, got ${JSON.stringify(value)}`
      )
    }
    resolved[key] = value
  }
  if (resolved.catch_up_lookback_hours * 3600 <= resolved.catch_up_grace_seconds) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Loyalty club option catch_up_lookback_hours (${resolved.catch_up_lookback_hours}) must reach further back than catch_up_grace_seconds (${resolved.catch_up_grace_seconds})`
    )
  }
  return resolved
}
