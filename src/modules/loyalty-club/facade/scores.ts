import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { RfmSegment } from "../../../utils/segments"
import { CustomerScoreView, ScoreCustomersResult } from "../services/scores"
import { AnalyticsFacade } from "./analytics"

/** The facade's scores part: customers' RFM/LRFM scores and interests (services/scores.ts). */
export class ScoresFacade extends AnalyticsFacade {
  // Scores (services/scores.ts)
  /**
   * Scores every customer (RFM/LRFM, segment, channel mix, interests) in
   * one set-based transaction on a connection of its own; a run already
   * going is waited for. Monetary is in `currency_code`, by default the
   * store's default currency.
   */
  @InjectManager()
  async scoreCustomers(
    data: { now?: Date; currency_code?: string } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ScoreCustomersResult> {
    return await this.scores_.score(data, sharedContext)
  }

  /**
   * A customer's scores with their segments' Persian and English names;
   * null before their first scoring. (Not `retrieveCustomerScore`: that is
   * the generated retrieve by score id.)
   */
  @InjectManager()
  async retrieveCustomerScoreView(
    customer_id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CustomerScoreView | null> {
    return await this.scores_.retrieve(customer_id, sharedContext)
  }

  /** Customers per segment (every segment, best first, then those without one). */
  @InjectManager()
  async listSegmentSummary(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ segment: RfmSegment | null; customers: number }[]> {
    return await this.scores_.summary(sharedContext)
  }

  /** When the scores were last built; null: never. */
  @InjectManager()
  async scoresScoredAt(@MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    return await this.scores_.scoredAt(sharedContext)
  }

  /** A shopper's top categories as the storefront may show them (no scores, no segment). */
  @InjectManager()
  async customerInterests(
    customer_id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ category_id: string; handle: string; name: string }[]> {
    return await this.scores_.interests(customer_id, sharedContext)
  }
}
