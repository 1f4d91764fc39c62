import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createCashbackRulesWorkflow,
  createTiersWorkflow,
  evaluateTiersWorkflow,
  setCustomerTierWorkflow,
} from "../../src/workflows"
import { DEMO_CUSTOMERS } from "../constants"

/**
 * Silver, Gold and Platinum by spend in IRR (named for shoppers in Persian
 * and English), a rule that pays members their tier's rate on top of the
 * product rules, Sara placed by her demo order and Reza pinned to Gold by
 * the shop.
 */
export async function seedTiers({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({ entity: "tier", fields: ["id"], withDeleted: true })
  if (existing.length) {
    return
  }
  const { result: tiers } = await createTiersWorkflow(container).run({
    input: {
      tiers: [
        {
          name: "Silver",
          names: { fa: "نقره‌ای", en: "Silver" },
          rank: 1,
          currency_code: "irr",
          min_spend: "150000000",
          qualification_window: "rolling",
          window_days: 365,
          cashback_rate: "3",
          description: "15,000,000 Toman in a year",
        },
        {
          name: "Gold",
          names: { fa: "طلایی", en: "Gold" },
          rank: 2,
          currency_code: "irr",
          min_spend: "300000000",
          min_orders: 2,
          qualification_window: "rolling",
          window_days: 365,
          cashback_rate: "5",
          description: "30,000,000 Toman and 2 orders in a year",
        },
        {
          name: "Platinum",
          names: { fa: "پلاتینی", en: "Platinum" },
          rank: 3,
          currency_code: "irr",
          min_spend: "1000000000",
          min_orders: 5,
          qualification_window: "lifetime",
          cashback_rate: "5",
          cashback_multiplier: "1.5",
          description: "100,000,000 Toman and 5 orders in all",
        },
      ],
    },
  })
  await createCashbackRulesWorkflow(container).run({
    input: {
      rules: [
        {
          name: "Club members: their tier's rate on top",
          names: { fa: "کش‌بک اضافه به نرخ سطح باشگاه شما", en: "Extra cashback at your club tier's rate" },
          type: "percent",
          value: "1",
          currency_code: "irr",
          expires_after_days: 60,
          tier_ids: tiers.map((t: any) => t.id),
          use_tier_rate: true,
          use_tier_multiplier: true,
          combination: "stack",
        },
      ],
    },
  })
  await evaluateTiersWorkflow(container).run({ input: {} })
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [reza] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[1].email })
  if (reza) {
    await setCustomerTierWorkflow(container).run({
      input: {
        customer_id: reza.id,
        pinned: true,
        tier_id: tiers.find((t: any) => t.name === "Gold")!.id,
        note: "Wholesale customer: Gold by agreement",
      },
    })
  }
  logger.info("Demo tiers created")
}
