import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { InboundItem, InboundResult } from "../services/inbound"
import { SmsPreferenceRow, SmsPreferenceView } from "../services/messages"
import { CampaignsFacade } from "./campaigns"

/**
 * The facade's inbound part: gateways' replies and delivery reports
 * (services/inbound.ts), and what campaigns and promotions need of the
 * message queue (services/messages.ts).
 */
export class InboundFacade extends CampaignsFacade {
  // Messages (services/messages.ts): campaigns and promotions
  /** Withdraws a canceled campaign's messages not sent yet; returns how many. */
  @InjectManager()
  async withdrawCampaignMessages(
    campaign_id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return await this.messages_.withdrawCampaignMessages(campaign_id, sharedContext)
  }

  /** Customers' SMS choices, promotions included (opted out of all, of promotions, language). */
  @InjectManager()
  async listMessagePreferencesOf(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, SmsPreferenceView>> {
    return await this.messages_.listSmsPreferencesOf(customerIds, sharedContext)
  }

  /** Sets a customer's SMS choices (all, promotions, language) and who changed an opt-out. */
  @InjectManager()
  async updateSmsPreference(
    data: {
      customer_id: string
      opted_out?: boolean
      promotions_opted_out?: boolean
      locale?: string | null
      source?: string | null
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SmsPreferenceRow> {
    return await this.messages_.upsertSmsPreference(data, sharedContext)
  }

  // Inbound (services/inbound.ts): replies and delivery reports
  /** Records replies and delivery reports once each and acts on the new ones (opt-outs, deliveries). */
  @InjectManager()
  async recordInbound(
    items: InboundItem[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<InboundResult> {
    return await this.inbound_.recordInbound(items, sharedContext)
  }

  /** A customer's SMS replies and what they did, newest first. */
  @InjectManager()
  async listCustomerInbound(
    customer_id: string,
    options: { limit?: number; offset?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<
    { id: string; gateway: string; kind: string; phone: string | null; body: string | null; action: string | null; received_at: Date }[]
  > {
    return await this.inbound_.listCustomerInbound(customer_id, options, sharedContext)
  }
}
