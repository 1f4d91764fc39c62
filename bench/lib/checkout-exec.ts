// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createCustomersWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
// Registers the plugin's completion hook, as Medusa's loader does.
import "../../src/workflows/hooks/complete-cart-credit"
import {
  applyCartCreditWorkflow,
  createWalletWorkflow,
  creditWalletWorkflow,
} from "../../src/workflows"

const args: string[] = JSON.parse(process.env.BENCH_ARGS || "[]")
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const CHECKOUTS = opt("checkouts", 30)

const print = (name: string, value: number | string, unit: string) =>
  process.stdout.write(`${name}: ${typeof value === "number" ? value.toFixed(2) : value} ${unit}\n`)
const now = () => Number(process.hrtime.bigint()) / 1e6
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export default async function checkoutBench({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "irr" } })
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: "Default Sales Channel" } })
  const { data: products } = await query.graph({ entity: "product", fields: ["variants.id"], filters: { handle: "vacuum-cleaner" } })
  const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id"] })
  const { result: customers } = await createCustomersWorkflow(container).run({
    input: {
      customersData: Array.from({ length: CHECKOUTS * 2 + 2 }, (_, i) => ({
        email: `checkout-${i}@example.com`,
      })),
    },
  })

  // A cart ready to complete; with credit, 1,000,000 IRR of the shopper's
  // wallet is on it and the payment session covers the rest.
  const prepare = async (i: number, withCredit: boolean) => {
    const customer = customers[i]
    const { result: cart } = await createCartWorkflow(container).run({
      input: {
        region_id: regions[0].id,
        sales_channel_id: channels[0].id,
        customer_id: customer.id,
        email: customer.email,
        items: [{ variant_id: (products[0] as any).variants[0].id, quantity: 1 }],
        shipping_address: { first_name: "Bench", address_1: "Valiasr St", city: "Tehran", country_code: "ir", postal_code: "1234567890" },
      },
    })
    await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: options[0].id }] } })
    if (withCredit) {
      const { result } = await createWalletWorkflow(container).run({
        input: { customer_id: customer.id, currency_code: "irr" },
      })
      await creditWalletWorkflow(container).run({
        input: { wallet_id: result.wallet.id, amount: "1000000", reference: "bench", reference_id: customer.id },
      })
      await applyCartCreditWorkflow(container).run({ input: { cart_id: cart.id, customer_id: customer.id } })
    }
    await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } }).catch(() => undefined)
    const { data: [c] } = await query.graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id: cart.id } })
    await createPaymentSessionsWorkflow(container).run({
      input: { payment_collection_id: (c as any).payment_collection.id, provider_id: "pp_system_default" },
    })
    return cart.id as string
  }

  process.stderr.write(`bench: preparing ${CHECKOUTS * 2} carts...\n`)
  const plain: string[] = []
  const credit: string[] = []
  for (let i = 0; i < CHECKOUTS; i++) {
    plain.push(await prepare(2 * i, false))
    credit.push(await prepare(2 * i + 1, true))
  }
  const warm = [await prepare(CHECKOUTS * 2, false), await prepare(CHECKOUTS * 2 + 1, true)]
  for (const id of warm) {
    await completeCartWorkflow(container).run({ input: { id } })
  }
  const timesPlain: number[] = []
  const timesCredit: number[] = []
  for (let i = 0; i < CHECKOUTS; i++) {
    let start = now()
    await completeCartWorkflow(container).run({ input: { id: plain[i] } })
    timesPlain.push(now() - start)
    start = now()
    await completeCartWorkflow(container).run({ input: { id: credit[i] } })
    timesCredit.push(now() - start)
  }
  const { data: paid } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "credit_line_total"],
    filters: { id: credit },
  })
  print("checkouts", CHECKOUTS, "each way")
  print("checkout_without_credit_median", median(timesPlain), "ms")
  print("checkout_with_credit_median", median(timesCredit), "ms")
  print("checkout_ratio_with_vs_without", median(timesCredit) / median(timesPlain), "(target <= 1.15)")
  print("checkout_with_credit_completed", paid.filter((c: any) => c.completed_at).length, "carts")
  const service: any = container.resolve("loyalty_club")
  const [, debits] = await service.listAndCountWalletTransactions({ type: "debit", reference: "cart" })
  print("checkout_wallet_debits", debits, "debits (one per credit checkout, warm-up included)")
}
