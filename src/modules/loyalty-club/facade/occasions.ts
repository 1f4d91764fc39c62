import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { OccasionKind } from "../../../utils/occasions"
import {
  BirthdayRow,
  OccasionGiftRecord,
  OccasionPlan,
  OccasionRow,
  OccasionsRoom,
  OccasionUpdate,
} from "../services/occasions"
import { CodesFacade } from "./codes"

/**
 * The facade's occasions part: birthdays, occasions and the grants they
 * owe (services/occasions.ts).
 */
export class OccasionsFacade extends CodesFacade {
  // Occasions (services/occasions.ts): birthdays, occasions and their grants
  /** Every occasion's switch and gift (missing ones written with their defaults). */
  @InjectManager()
  async listOccasionSettings(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OccasionRow[]> {
    return await this.occasions_.listOccasions(sharedContext)
  }

  /** Saves an occasion's switch and gift; returns it and what it was before. */
  @InjectManager()
  async updateOccasionSettings(
    kind: OccasionKind,
    data: OccasionUpdate,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.occasions_.updateOccasion(kind, data, sharedContext)
  }

  /** Sent, given, used and skipped per occasion, for grants celebrated in [from, to). */
  @InjectManager()
  async occasionStats(
    data: { from: string; to: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.occasions_.occasionStats(data, sharedContext)
  }

  /** A customer's birthday, or null. */
  @InjectManager()
  async getCustomerBirthday(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.occasions_.retrieveBirthday(customerId, sharedContext)
  }

  /** Sets a customer's birthday (`changed_at` moves only when the day does). */
  @InjectManager()
  async setCustomerBirthday(
    data: Parameters<OccasionsRoom["upsertBirthday"]>[0],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.occasions_.upsertBirthday(data, sharedContext)
  }

  /** Clears a customer's birthday; returns what it was. */
  @InjectManager()
  async clearCustomerBirthday(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.occasions_.deleteBirthday(customerId, sharedContext)
  }

  /** Puts a customer's birthday back as it was (the undo of a set or a clear). */
  @InjectManager()
  async restoreCustomerBirthday(
    customerId: string,
    before: BirthdayRow | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.occasions_.restoreBirthday(customerId, before, sharedContext)
  }

  /** Writes, in one statement, the grants an occasion owes on a shop day. */
  @InjectManager()
  async grantDueOccasions(
    plan: OccasionPlan,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.occasions_.grantDueOccasions(plan, sharedContext)
  }

  /** Claims a page of an occasion's grants to give (pending, or abandoned by a dead run). */
  @InjectManager()
  async claimOccasionGrants(
    data: { kind: OccasionKind; limit: number; stale_before: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.occasions_.claimOccasionGrants(data, sharedContext)
  }

  /** Records what grants gave and how they ended. */
  @InjectManager()
  async recordOccasionGifts(
    records: OccasionGiftRecord[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return await this.occasions_.recordOccasionGifts(records, sharedContext)
  }
}
