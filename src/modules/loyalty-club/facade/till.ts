import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { CheckoutDebitState, OrphanCheckoutDebit } from "../services/recovery"
import { LoyaltySettingsValues, PosReceiptClaim } from "../types"
import { ClubFacade } from "./club"

/**
 * The facade's shop-floor part: the till and kiosk, the recovery jobs'
 * reads and the shop's settings (services/till.ts, recovery.ts,
 * settings.ts).
 */
export class TillFacade extends ClubFacade {
  // Till and kiosk (services/till.ts)
  /** Claims a till receipt, once per location. */
  @InjectManager()
  async claimPosReceipt(
    data: PosReceiptClaim,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ purchase: Record<string, any>; created: boolean }> {
    return await this.till_.claimPosReceipt(data, sharedContext)
  }

  /** Issues a one-time code for a phone, unless rate-limited. */
  @InjectManager()
  async issueOneTimeCode(
    data: {
      phone: string
      purpose: "signup" | "redeem"
      ip?: string | null
      ttl_ms?: number
      limits?: { per_phone: number; per_ip: number; window_ms: number; per_hour?: number | null }
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ limited: true } | { limited: false; id: string; code: string; expires_at: Date }> {
    return await this.till_.issueOneTimeCode(data, sharedContext)
  }

  /** Checks a code against the phone's latest one. */
  @InjectManager()
  async verifyOneTimeCode(
    data: { phone: string; purpose: "signup" | "redeem"; code: string; max_attempts?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await this.till_.verifyOneTimeCode(data, sharedContext)
  }

  /** The member a phone belongs to. */
  @InjectManager()
  async retrieveMemberByPhone(
    phone: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; source: string } | undefined> {
    return await this.till_.retrieveMemberByPhone(phone, sharedContext)
  }

  /** Makes a customer the member for a phone, unless taken. */
  @InjectManager()
  async registerMemberPhone(
    data: { phone: string; customer_id: string; source: "code" | "pos" | "admin" | "import" },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; created: boolean }> {
    return await this.till_.registerMemberPhone(data, sharedContext)
  }

  /** Deletes old one-time codes, a batch per call. */
  @InjectManager()
  async purgeOneTimeCodes(
    data: { before: Date; batch_size?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return await this.till_.purgeOneTimeCodes(data, sharedContext)
  }

  // Recovery (services/recovery.ts)
  /** The recovery jobs' windows: reconcile_after_seconds, catch-up grace and lookback. */
  getRecoveryOptions() {
    return this.recovery_.options()
  }

  /** Checkout debits whose cart has no order and no completion running. */
  @InjectManager()
  async listOrphanCheckoutDebits(
    data: { at: Date; ignore_age?: boolean; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrphanCheckoutDebit[]> {
    return await this.recovery_.listOrphanCheckoutDebits(data, sharedContext)
  }

  /** Whether a checkout debit is reversed, its cart ordered or completing. */
  @InjectManager()
  async retrieveCheckoutDebitState(
    data: { transaction_id: string; at: Date; ignore_age?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CheckoutDebitState | null> {
    return await this.recovery_.retrieveCheckoutDebitState(data, sharedContext)
  }

  /** A page of orders in a window that have no cashback credit. */
  @InjectManager()
  async listOrdersWithoutCashback(
    data: { after: Date; until: Date; cursor?: { created_at: Date; id: string } | null; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; customer_id: string; created_at: Date }[]> {
    return await this.recovery_.listOrdersWithoutCashback(data, sharedContext)
  }

  // Settings (services/settings.ts)
  /** The shop's loyalty settings (defaults until saved). */
  @InjectManager()
  async retrieveSettings(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsValues> {
    return await this.settings_.retrieveSettings(sharedContext)
  }

  /** Saves the given settings over the current ones. */
  @InjectManager()
  async updateSettings(
    data: Partial<LoyaltySettingsValues>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsValues> {
    return await this.settings_.updateSettings(data, sharedContext)
  }
}
