import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { ReferralFilters } from "../services/referral-reads"
import {
  NewReferral,
  ReferralChanges,
  ReferralGuard,
  ReferralProgramRow,
  ReferralRow,
  ReferralsRoom,
  ReferralStatus,
} from "../services/referrals"
import { referralLink } from "../../../utils/referrals"
import { OccasionsFacade } from "./occasions"

/**
 * The facade's referrals part: referral codes, the programme and referrals
 * (services/referrals.ts).
 */
export class ReferralsFacade extends OccasionsFacade {
  // Referrals (services/referrals.ts): codes, the programme, referrals
  /** The programme; its defaults (off) while the shop has not saved it. */
  @InjectManager()
  async getReferralProgram(@MedusaContext() sharedContext: Context = {}): Promise<ReferralProgramRow> {
    return await this.referrals_.retrieveProgram(sharedContext)
  }

  /** Saves the programme's fields given; returns it and what it was before (for an undo). */
  @InjectManager()
  async updateReferralProgram(
    data: Partial<ReferralProgramRow>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ program: ReferralProgramRow; before: ReferralProgramRow }> {
    return await this.referrals_.updateProgram(data, sharedContext)
  }

  /** A member's referral code, made on first read and never changed; NOT_FOUND for an unknown customer. */
  @InjectManager()
  async retrieveOrCreateReferralCode(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; code: string }> {
    return await this.referrals_.retrieveOrCreateCode(customerId, sharedContext)
  }

  /** The member a typed code (any case, spaces, dashes, Persian digits) belongs to, or null. */
  @InjectManager()
  async findReferralCode(
    code: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; code: string } | null> {
    return await this.referrals_.findCode(code, sharedContext)
  }

  /** A code's share link: the programme's share_url (else the plugin's public_url) with `ref=CODE`. */
  async referralShareLink(code: string, program?: ReferralProgramRow): Promise<string> {
    const { share_url } = program ?? (await this.getReferralProgram())
    return referralLink(share_url ?? this.options_.public_url, code)
  }

  /** One referral with every column, or null. */
  @InjectManager()
  async getReferralRow(id: string, @MedusaContext() sharedContext: Context = {}): Promise<ReferralRow | null> {
    return await this.referrals_.retrieveReferral(id, sharedContext)
  }

  /** The friend's live referral (any status but refused), or null. */
  @InjectManager()
  async liveReferralOf(friendId: string, @MedusaContext() sharedContext: Context = {}): Promise<ReferralRow | null> {
    return await this.referrals_.liveReferralOf(friendId, sharedContext)
  }

  /** The referral whose qualifying order this is, or null. */
  @InjectManager()
  async referralOfOrder(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<ReferralRow | null> {
    return await this.referrals_.referralOfOrder(orderId, sharedContext)
  }

  /** What a claim's fraud rules read about its two sides (see services/referral-facts.ts). */
  @InjectManager()
  async referralClaimFacts(
    data: Parameters<ReferralsRoom["facts"]["claimFacts"]>[0],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.referrals_.facts.claimFacts(data, sharedContext)
  }

  /** Where a referrer is known to live: saved addresses and their last 50 orders' shipping addresses, as keys. */
  @InjectManager()
  async referrerAddressKeys(referrerId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await this.referrals_.facts.referrerAddressKeys(referrerId, sharedContext)
  }

  /** Writes a claim under the referrer's lock and monthly cap; null when another claim on the friend won. */
  @InjectManager()
  async insertReferral(
    data: NewReferral,
    limits: { monthly_cap: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralRow | null> {
    return await this.referrals_.insertReferral(data, limits, sharedContext)
  }

  /** The undo of `insertReferral`. */
  @InjectManager()
  async removeReferral(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return await this.referrals_.deleteReferral(id, sharedContext)
  }

  /** A conditional move: only from `from` (null: any) and the guard; null when it was not there to move. */
  @InjectManager()
  async moveReferral(
    id: string,
    from: ReferralStatus[] | null,
    changes: ReferralChanges,
    guard: ReferralGuard = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralRow | null> {
    return await this.referrals_.moveReferral(id, from, changes, guard, sharedContext)
  }

  /** The undo of a move: the referral as it was. */
  @InjectManager()
  async restoreReferralRow(before: ReferralRow, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return await this.referrals_.restoreReferral(before, sharedContext)
  }

  /** Counts a bonus order while under `max`; null when the referral has none left. */
  @InjectManager()
  async bumpReferralBonus(
    id: string,
    max: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralRow | null> {
    return await this.referrals_.bumpBonusOrders(id, max, sharedContext)
  }

  /** The undo of `bumpReferralBonus`. */
  @InjectManager()
  async dropReferralBonus(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return await this.referrals_.dropBonusOrder(id, sharedContext)
  }

  /** Referrals whose referrer's credit was released: pending -> rewarded, each once. */
  @InjectManager()
  async rewardReferrals(
    ids: string[],
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralRow[]> {
    return await this.referrals_.rewardReferrals(ids, at, sharedContext)
  }

  /** The undo of `rewardReferrals`. */
  @InjectManager()
  async unrewardReferrals(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return await this.referrals_.unrewardReferrals(ids, sharedContext)
  }

  // @@REFERRALS_FACADE (methods go above this line)

  // Referral reads (services/referral-reads.ts): lists, counts, figures
  // @@REFERRAL_READS_FACADE
  /** A page of referrals, newest first, with both sides; `q` in the code, names, e-mails or phones. */
  @InjectManager()
  async listReferralViews(filters: ReferralFilters, @MedusaContext() sharedContext: Context = {}) {
    return await this.referralReads_.listReferralViews(filters, sharedContext)
  }

  /** One referral with both sides, or null. */
  @InjectManager()
  async retrieveReferralView(id: string, @MedusaContext() sharedContext: Context = {}) {
    return await this.referralReads_.retrieveReferralView(id, sharedContext)
  }

  /** How many referrals are in each of the seven statuses. */
  @InjectManager()
  async referralStatusCounts(@MedusaContext() sharedContext: Context = {}) {
    return await this.referralReads_.referralStatusCounts(sharedContext)
  }

  /** A referrer's counts and referral credit (pending, earned) per currency. */
  @InjectManager()
  async referralStatsOf(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    return await this.referralReads_.referralStatsOf(customerId, new Date(), sharedContext)
  }

  /** The referrers who brought the most friends to a qualifying order, in [from, to). */
  @InjectManager()
  async topReferrers(
    data: { from?: Date | null; to?: Date | null; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.referralReads_.topReferrers(data, new Date(), sharedContext)
  }

  /** The referral that brought a customer: the live one, else the last; null when none. */
  @InjectManager()
  async referredBy(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    return await this.referralReads_.referredBy(customerId, sharedContext)
  }
}
