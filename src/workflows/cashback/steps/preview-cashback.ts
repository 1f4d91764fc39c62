import {
  ContainerRegistrationKeys,
  MathBN,
  MedusaError,
  QueryContext,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CASHBACK_SOURCE_FIELDS,
  CashbackLine,
  creditPaidOf,
  runCashbackEngine,
} from "../cashback-inputs"

export const previewCashbackStepId = "loyalty-preview-cashback"

export type PreviewCashbackInput = {
  customer_id?: string | null
  cart_id?: string
  variant_id?: string
  quantity?: number
  region_id?: string
  currency_code?: string
}

/**
 * What a shopper would earn for a cart, or for a quantity of one variant on
 * a product page, by the same engine and rules as the award. Reads only.
 */
export const previewCashbackStep = createStep(
  previewCashbackStepId,
  async (input: PreviewCashbackInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    let currency: string
    let salesChannelId: string | null = null
    let lines: CashbackLine[]
    let creditPaid = "0"

    if (input.cart_id) {
      const { data } = await query.graph({
        entity: "cart",
        fields: CASHBACK_SOURCE_FIELDS,
        filters: { id: input.cart_id },
      })
      const cart: any = data[0]
      if (!cart) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Cart with id: ${input.cart_id} was not found`
        )
      }
      currency = cart.currency_code
      salesChannelId = cart.sales_channel_id
      lines = cart.items ?? []
      creditPaid = creditPaidOf(cart)
    } else {
      let regionCurrency: string | undefined
      if (input.region_id) {
        const { data: regions } = await query.graph({
          entity: "region",
          fields: ["id", "currency_code"],
          filters: { id: input.region_id },
        })
        if (!regions.length) {
          throw new MedusaError(
            MedusaError.Types.NOT_FOUND,
            `region_id: Region with id: ${input.region_id} was not found`
          )
        }
        regionCurrency = regions[0].currency_code
      }
      const asked = input.currency_code?.toLowerCase()
      if (asked && regionCurrency && asked !== regionCurrency.toLowerCase()) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `currency_code: ${asked.toUpperCase()} is not the region's currency (${regionCurrency.toUpperCase()})`
        )
      }
      if (asked && !regionCurrency) {
        await assertStoreCurrency(query, asked)
      }
      currency = (regionCurrency ?? asked!).toLowerCase()
      const { data: variants } = await query.graph({
        entity: "variant",
        fields: ["id", "product_id", "calculated_price.calculated_amount"],
        filters: { id: input.variant_id },
        context: {
          calculated_price: QueryContext({
            currency_code: currency,
            ...(input.region_id ? { region_id: input.region_id } : {}),
          }),
        },
      })
      const variant: any = variants[0]
      if (!variant) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `variant_id: Variant with id: ${input.variant_id} was not found`
        )
      }
      const price = variant.calculated_price?.calculated_amount
      if (price == null) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `variant_id: Variant ${input.variant_id} has no price in ${currency.toUpperCase()}`
        )
      }
      lines = [
        {
          id: variant.id,
          product_id: variant.product_id,
          subtotal: MathBN.mult(price, input.quantity ?? 1).toFixed(),
        },
      ]
    }

    const { result, rules } = await runCashbackEngine(container, {
      currency_code: currency,
      sales_channel_id: salesChannelId,
      customer_id: input.customer_id,
      lines,
      credit_paid: creditPaid,
      at: new Date(),
    })
    return new StepResponse({
      currency_code: result.currency_code,
      total: result.total,
      rules: result.rules.map((r) => ({
        rule_id: r.rule_id,
        name: r.name,
        amount: r.amount,
        release: rules[r.rule_id]?.release ?? "placed",
        hold_days: rules[r.rule_id]?.hold_days ?? null,
        expires_after_days: rules[r.rule_id]?.expires_after_days ?? null,
      })),
    })
  }
)

/**
 * A currency the shop does not sell in is the request's mistake, named as
 * `currency_code` (not as a variant with no price in it).
 */
async function assertStoreCurrency(query: any, currency: string) {
  const { data: stores } = await query.graph({
    entity: "store",
    fields: ["id", "supported_currencies.currency_code"],
  })
  const supported = new Set<string>(
    stores.flatMap((s: any) =>
      (s.supported_currencies ?? []).map((c: any) => String(c.currency_code).toLowerCase())
    )
  )
  if (!supported.has(currency)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `currency_code: the store does not sell in ${currency.toUpperCase()}`
    )
  }
}
