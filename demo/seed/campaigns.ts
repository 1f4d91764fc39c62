import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { sendDueMessagesWorkflow, updateLoyaltySettingsWorkflow } from "../../src/workflows"
import { createCampaignWorkflow, queueCampaignWorkflow } from "../../src/workflows/campaigns"
import { scoreCustomersWorkflow } from "../../src/workflows/scores"
import { createSegmentsWorkflow } from "../../src/workflows/segments/workflows"

const CAMPAIGN = "Autumn coffee week"

/**
 * Segments and campaigns: every customer scored (R, F, M, L, the named
 * segment, channel mix and interests, as the nightly job does), two saved
 * segments ("Buyers who get SMS": has ordered and is reachable by SMS;
 * "At risk or sleeping": the RFM segments that need a nudge), a campaign
 * sent to the first with a 10% control group (its results count the
 * recipients' orders of the next 14 days against the holdout), and an
 * automation, off until the shop turns it on, that would give 300,000 IRR
 * of credit to customers as they become "at risk". The campaign carries no
 * gift and no purchase follows it, so the demo's wallets and orders stay
 * as the other seeds made them. The shop's SMS part price for the log and
 * webhook gateways makes the estimate show a cost. Keyed by the campaign's name: a
 * re-run adds nothing.
 */
export async function seedCampaigns(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  await scoreCustomersWorkflow(container).run({ input: {} })
  const { campaigns } = await service.listAndCountCampaignRows({ kind: "campaign", limit: 100, offset: 0 })
  if (campaigns.some((c) => c.name === CAMPAIGN)) {
    return
  }
  const settings = await service.retrieveSettings()
  if (!settings.sms_part_prices) {
    await updateLoyaltySettingsWorkflow(container).run({
      input: {
        // The log gateway (the seed's SMS) and the webhook one (the demo
        // phone npm run dev points the store at) cost what a Kavenegar part does.
        sms_part_prices: {
          log: { amount: "1250", currency_code: "irr" },
          webhook: { amount: "1250", currency_code: "irr" },
        },
      } as any,
    })
  }
  const { result: segments } = await createSegmentsWorkflow(container).run({
    input: {
      segments: [
        {
          name: "Buyers who get SMS",
          description: "Has ordered online or at the till and can be reached by SMS",
          conditions: {
            match: "all",
            conditions: [
              { field: "orders", window_days: null, min: 1 },
              { field: "sms_opted_in", value: true },
            ],
          },
        },
        {
          name: "At risk or sleeping",
          description: "Good customers who stopped coming",
          conditions: {
            match: "any",
            conditions: [
              { field: "rfm_segment", segments: ["at_risk", "cant_lose", "hibernating", "about_to_sleep"] },
              { field: "days_since_last_order", min: 60 },
            ],
          },
        },
      ],
    },
  })
  const [buyers, atRisk] = segments as any[]

  const { result: campaign } = await createCampaignWorkflow(container).run({
    input: {
      name: CAMPAIGN,
      segment_id: buyers.id,
      bodies: {
        fa: "{first_name} عزیز، هفتهٔ قهوهٔ پاییزی {store_name} است: قهوه‌های تازه رسیده‌اند. موجودی کیف پول شما: {balance}",
        en: "Dear {first_name}, it is autumn coffee week at {store_name}: fresh beans are in. Your wallet: {balance}",
      },
      holdout_percent: 10,
      window_days: 14,
    },
  })
  await queueCampaignWorkflow(container).run({ input: { id: (campaign as any).id } })
  // The demo sends at once whatever the hour (quiet hours would hold these
  // until the morning).
  await sendDueMessagesWorkflow(container).run({ input: { at: new Date(Date.now() + 86400000) } })

  const { result: automation } = await createCampaignWorkflow(container).run({
    input: {
      name: "We miss you",
      kind: "automation",
      segment_id: atRisk.id,
      bodies: {
        fa: "{first_name} عزیز، دلمان برایتان تنگ شده! {amount} اعتبار هدیه تا {expires_at} منتظر شماست.",
        en: "Dear {first_name}, we miss you! {amount} of credit waits for you until {expires_at}.",
      },
      gift: { type: "credit", amounts: { irr: "300000" }, expires_after_days: 30 },
      holdout_percent: 10,
      cooldown_days: 60,
    },
  })
  logger.info(
    `Demo campaigns: "${CAMPAIGN}" sent to the segment "${buyers.name}"; the automation "${(automation as any).name}" is ready to turn on`
  )
}
