import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { AnalyticsCalendar, AnalyticsQuery } from "../../../utils/analytics"
import {
  AnalyticsBehaviour,
  AnalyticsLiability,
  AnalyticsMembers,
  AnalyticsWallet,
} from "../services/analytics"
import {
  AnalyticsLifetimeValue,
  AnalyticsOmnichannel,
  AnalyticsRetention,
  AnalyticsTiers,
} from "../services/analytics-months"
import { AnalyticsProgrammes } from "../services/analytics-programmes"
import { AnalyticsFreshness, AnalyticsRefreshResult } from "../services/analytics-rollups"
import { ReferralsFacade } from "./referrals"

/**
 * The facade's analytics part: the rollups and the figures of the Loyalty
 * analytics page (services/analytics*.ts).
 */
export class AnalyticsFacade extends ReferralsFacade {
  // Analytics (services/analytics*.ts)
  /**
   * Rebuilds the analytics rollups whole in the shop's time zone, in one
   * transaction on a connection of its own (a rebuild already running is
   * waited for, and its result answered).
   */
  @InjectManager()
  async refreshAnalytics(
    data: { time_zone: string; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AnalyticsRefreshResult> {
    return await this.analyticsRollups_.refresh(data, sharedContext)
  }

  /** When the rollups were last built (null: never), how long it took, whether a rebuild runs now. */
  @InjectManager()
  async analyticsFreshness(@MedusaContext() sharedContext: Context = {}): Promise<AnalyticsFreshness> {
    return await this.analyticsRollups_.freshness(sharedContext)
  }

  /** Members: total, new, active, orders and the members' share of them; `previous` for the period before. */
  @InjectManager()
  async analyticsMembers(q: AnalyticsQuery, @MedusaContext() sharedContext: Context = {}): Promise<AnalyticsMembers> {
    return await this.analytics_.members(q, sharedContext)
  }

  /** Repurchase rate, purchase frequency, average order value (members, others, by tier). */
  @InjectManager()
  async analyticsBehaviour(q: AnalyticsQuery, @MedusaContext() sharedContext: Context = {}): Promise<AnalyticsBehaviour> {
    return await this.analytics_.behaviour(q, sharedContext)
  }

  /** Cashback issued, released, redeemed, expired, taken back; redemption rate and cost share. */
  @InjectManager()
  async analyticsWallet(q: AnalyticsQuery, @MedusaContext() sharedContext: Context = {}): Promise<AnalyticsWallet> {
    return await this.analytics_.wallet(q, sharedContext)
  }

  /** What the wallets in the currency owe now (live), with the expiry forecast by month. */
  @InjectManager()
  async analyticsLiability(
    data: { currency_code: string; calendar: AnalyticsCalendar; time_zone: string; at?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AnalyticsLiability> {
    return await this.analytics_.liability(data, sharedContext)
  }

  /** Monthly cohorts by first order and the share that ordered again each later month. */
  @InjectManager()
  async analyticsRetention(q: AnalyticsQuery, @MedusaContext() sharedContext: Context = {}): Promise<AnalyticsRetention> {
    return await this.analyticsMonths_.retention(q, sharedContext)
  }

  /** Members' average all-time revenue by tier, channel mix and join month. */
  @InjectManager()
  async analyticsLifetimeValue(
    q: AnalyticsQuery,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AnalyticsLifetimeValue> {
    return await this.analyticsMonths_.lifetimeValue(q, sharedContext)
  }

  /** Customers online only, in store only and both per month; in-store orders by till location. */
  @InjectManager()
  async analyticsOmnichannel(q: AnalyticsQuery, @MedusaContext() sharedContext: Context = {}): Promise<AnalyticsOmnichannel> {
    return await this.analyticsMonths_.omnichannel(q, sharedContext)
  }

  /** Members per tier at each month's end; upgrades and downgrades per month. */
  @InjectManager()
  async analyticsTiers(q: AnalyticsQuery, @MedusaContext() sharedContext: Context = {}): Promise<AnalyticsTiers> {
    return await this.analyticsMonths_.tiers(q, sharedContext)
  }

  /** Cost, orders and revenue of code batches, occasions and referrals in the period. */
  @InjectManager()
  async analyticsProgrammes(q: AnalyticsQuery, @MedusaContext() sharedContext: Context = {}): Promise<AnalyticsProgrammes> {
    return await this.analyticsProgrammes_.programmes(q, sharedContext)
  }
  // @@ANALYTICS_FACADE (methods go above this line)
}
