import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { SegmentGroup } from "../../../utils/segment-conditions"
import { SegmentCustomer, SegmentOptions, SegmentUsage } from "../services/segments"
import { ScoresFacade } from "./scores"

/** The facade's segments part: saved segments, counts, members (services/segments.ts). */
export class SegmentsFacade extends ScoresFacade {
  // Segments (services/segments.ts, conditions compiled by segment-sql.ts)
  /** How many customers match the conditions now (or at `at`). */
  @InjectManager()
  async countSegment(
    conditions: SegmentGroup,
    options: { at?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return await this.segments_.count(conditions, options.at ?? new Date(), sharedContext)
  }

  /** A page of the customers who match, by customer id, and how many match in all. */
  @InjectManager()
  async listSegmentCustomers(
    conditions: SegmentGroup,
    page: { limit: number; offset: number; at?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customers: SegmentCustomer[]; count: number }> {
    return await this.segments_.listAndCount(conditions, { ...page, at: page.at ?? new Date() }, sharedContext)
  }

  /** The next page of members after the customer id `after` (null: the first), for exports. */
  @InjectManager()
  async segmentCustomersAfter(
    conditions: SegmentGroup,
    page: { limit: number; after: string | null; at?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SegmentCustomer[]> {
    return await this.segments_.listCustomers(conditions, { ...page, at: page.at ?? new Date() }, sharedContext)
  }

  /** Which of these saved segments hold the customer now (unknown ids hold no one). */
  @InjectManager()
  async customerSegmentIds(
    customer_id: string,
    segment_ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.segments_.customerSegmentIds(customer_id, segment_ids, new Date(), sharedContext)
  }

  /** How many campaigns, cashback rules and code batches use the segment. */
  @InjectManager()
  async segmentUsage(segment_id: string, @MedusaContext() sharedContext: Context = {}): Promise<SegmentUsage> {
    return await this.segments_.usage(segment_id, sharedContext)
  }

  /** What the segment editor offers: tiers, groups, till locations, categories, currencies. */
  @InjectManager()
  async segmentOptions(@MedusaContext() sharedContext: Context = {}): Promise<SegmentOptions> {
    return await this.segments_.options(sharedContext)
  }
}
