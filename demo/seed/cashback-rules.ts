import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCashbackRulesWorkflow } from "../../src/workflows"

/**
 * The rules shops asked for: per-category rates, a fixed gift, a holiday x2;
 * each named for shoppers in Persian and English.
 */
export async function seedCashbackRules({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({
    entity: "cashback_rule",
    fields: ["id"],
    withDeleted: true,
  })
  if (existing.length) {
    return
  }
  const { data: categories } = await query.graph({
    entity: "product_category",
    fields: ["id", "handle"],
    filters: { handle: ["home-appliances", "coffee"] },
  })
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle"],
    filters: { handle: ["vacuum-cleaner", "washing-machine"] },
  })
  const id = (list: any[], handle: string) => list.find((x) => x.handle === handle)?.id
  await createCashbackRulesWorkflow(container).run({
    input: {
      rules: [
        {
          name: "1% on vacuum cleaners",
          names: { fa: "۱٪ کش‌بک جاروبرقی", en: "1% cashback on vacuum cleaners" },
          type: "percent",
          value: "1",
          currency_code: "irr",
          max_amount: "5000000",
          expires_after_days: 30,
          scope: { product_ids: [id(products, "vacuum-cleaner")] },
        },
        {
          name: "2% on washing machines",
          names: { fa: "۲٪ کش‌بک ماشین لباسشویی", en: "2% cashback on washing machines" },
          type: "percent",
          value: "2",
          currency_code: "irr",
          expires_after_days: 30,
          release: "hold",
          hold_days: 14,
          scope: { product_ids: [id(products, "washing-machine")] },
        },
        {
          name: "3% on coffee, doubled in Nowruz week",
          names: { fa: "۳٪ کش‌بک قهوه، دو برابر در هفتهٔ نوروز", en: "3% cashback on coffee, doubled in Nowruz week" },
          type: "percent",
          value: "3",
          expires_after_days: 15,
          scope: { category_ids: [id(categories, "coffee")] },
          multiplier: {
            value: "2",
            starts_at: "2027-03-20T00:00:00Z",
            ends_at: "2027-03-27T00:00:00Z",
          },
        },
        {
          name: "Welcome 200,000 IRR on orders over 50,000,000",
          names: {
            fa: "هدیهٔ خوش‌آمد ۲۰٬۰۰۰ تومانی برای خرید بالای ۵ میلیون تومان",
            en: "20,000 Toman welcome gift on orders over 5 million Toman",
          },
          type: "fixed",
          value: "200000",
          currency_code: "irr",
          min_subtotal: "50000000",
          combination: "stack",
          is_active: false,
        },
      ],
    },
  })
  logger.info("Demo cashback rules created")
}
