// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
import { ExecArgs } from "@medusajs/framework/types"
import { check, median, now, opt, peakRssMb, print } from "./bench-utils"
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

const CHECKOUTS = opt("checkouts", 30, 3)
const WITH_OFFICIAL = process.env.LOYALTY_WITH_OFFICIAL_PLUGIN === "true"

type Kind = "plain" | "ours" | "official"

export default async function checkoutBench({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "irr" } })
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: "Default Sales Channel" } })
  const { data: products } = await query.graph({ entity: "product", fields: ["variants.id"], filters: { handle: "vacuum-cleaner" } })
  const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id"] })
  const { result: customers } = await createCustomersWorkflow(container).run({
    input: {
      customersData: Array.from({ length: CHECKOUTS * 3 + 3 }, (_, i) => ({
        email: `checkout-${i}@example.com`,
      })),
    },
  })

  // A cart ready to complete; with credit, 1,000,000 IRR of the shopper's
  // wallet is on it and the payment session covers the rest.
  // The official plugin's workflows (and its checkout hooks), when loaded.
  const official = WITH_OFFICIAL ? require("@medusajs/loyalty-plugin/workflows") : null
  if (official) {
    const root = require("path").dirname(require.resolve("@medusajs/loyalty-plugin/package.json"))
    for (const hook of ["complete-cart-before-payment-authorization", "after-order-created"]) {
      require(`${root}/.medusa/server/src/workflows/hooks/${hook}.js`)
    }
  }

  const prepare = async (i: number, kind: Kind) => {
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
    if (kind === "official") {
      const { result: accounts } = await official.createStoreCreditAccountsWorkflow(container).run({
        input: [{ currency_code: "irr", customer_id: customer.id }],
      })
      await official.creditStoreCreditAccountWorkflow(container).run({
        input: { account_id: accounts[0].id, amount: 1000000, note: "bench", reference: "bench" },
      })
      await official.addStoreCreditsToCartWorkflow(container).run({ input: { cart_id: cart.id, amount: 1000000 } })
    }
    if (kind === "ours") {
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

  const kinds: Kind[] = official ? ["plain", "ours", "official"] : ["plain", "ours"]
  process.stderr.write(`bench: preparing ${CHECKOUTS * kinds.length} carts...\n`)
  const carts: Record<Kind, string[]> = { plain: [], ours: [], official: [] }
  let c = 0
  for (let i = 0; i < CHECKOUTS; i++) {
    for (const kind of kinds) {
      carts[kind].push(await prepare(c++, kind))
    }
  }
  for (const kind of kinds) {
    await completeCartWorkflow(container).run({ input: { id: await prepare(c++, kind) } })
  }
  const times: Record<Kind, number[]> = { plain: [], ours: [], official: [] }
  for (let i = 0; i < CHECKOUTS; i++) {
    for (const kind of kinds) {
      const start = now()
      await completeCartWorkflow(container).run({ input: { id: carts[kind][i] } })
      times[kind].push(now() - start)
    }
  }
  const { data: paid } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at"],
    filters: { id: carts.ours },
  })
  print("checkouts", CHECKOUTS, "each way")
  print("checkout_without_credit_median", median(times.plain), "ms")
  print("checkout_with_credit_median", median(times.ours), "ms")
  print("checkout_ratio_with_vs_without", median(times.ours) / median(times.plain), "(target <= 1.15)")
  if (official) {
    print("checkout_official_store_credit_median", median(times.official), "ms")
    print("checkout_ratio_official_vs_without", median(times.official) / median(times.plain), "")
    print("checkout_ratio_ours_vs_official", median(times.ours) / median(times.official), "")
  }
  print("checkout_with_credit_completed", paid.filter((c: any) => c.completed_at).length, "carts")
  const service: any = container.resolve("loyalty_club")
  const [, debits] = await service.listAndCountWalletTransactions({ type: "debit", reference: "cart" })
  print("checkout_wallet_debits", debits, "debits (one per credit checkout, warm-up included)")
  print("peak_rss", peakRssMb(), "MB")
  check(
    "checkout_every_cart_paid_once",
    paid.filter((c: any) => c.completed_at).length === CHECKOUTS && debits === CHECKOUTS + 1,
    `${debits} debits for ${CHECKOUTS} credit checkouts and the warm-up`
  )
}
