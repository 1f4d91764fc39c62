import { LoyaltyClubModuleOptions } from "./types"

/** The module's options when the app's config leaves them out. */
export const DEFAULT_OPTIONS: Required<LoyaltyClubModuleOptions> = {
  expiring_soon_days: 7,
  restore_grace_days: 7,
  lock_timeout_ms: 5000,
  expiry_batch_size: 50000,
}
