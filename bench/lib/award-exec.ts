// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
import { ExecArgs } from "@medusajs/framework/types"
import { check, median, now, opt, peakRssMb, print } from "./bench-utils"
import {
  ContainerRegistrationKeys,
  Modules,
  OrderWorkflowEvents,
} from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createOrderWorkflow,
  createCartWorkflow,
  createCustomersWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import orderPlacedCashback from "../../src/subscribers/order-placed-cashback"
import { awardOrderCashbackWorkflow } from "../../src/workflows"

const ORDERS = opt("orders", 2000, 40)
const PLACEMENTS = opt("placements", 200, 8)
const ROUNDS = opt("rounds", 4, 2)
const CONCURRENCY = opt("concurrency", 4, 2)

async function runConcurrent(total: number, concurrency: number, fn: (i: number) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < total) {
      const i = next++
      await fn(i)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

export default async function awardBench({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const eventBus: any = container.resolve(Modules.EVENT_BUS)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "irr" } })
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: "Default Sales Channel" } })
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["handle", "variants.id"],
    filters: { handle: ["vacuum-cleaner", "washing-machine"] },
  })
  const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id"] })
  const variants = products.map((p: any) => p.variants[0].id)
  // Enough stock for thousands of orders (the demo has 1,000 of each).
  const inventory: any = container.resolve(Modules.INVENTORY)
  const levels = await inventory.listInventoryLevels({})
  await inventory.updateInventoryLevels(
    levels.map((l: any) => ({
      inventory_item_id: l.inventory_item_id,
      location_id: l.location_id,
      stocked_quantity: 10000000,
    }))
  )

  const { result: customers } = await createCustomersWorkflow(container).run({
    input: {
      customersData: Array.from({ length: 200 }, (_, i) => ({
        email: `bench-${i}@example.com`,
        first_name: `Bench ${i}`,
      })),
    },
  })

  // A cart ready to complete: items, address, shipping, a payment session.
  let n = 0
  const prepareCart = async () => {
    const customer = customers[n++ % customers.length]
    const { result: cart } = await createCartWorkflow(container).run({
      input: {
        region_id: regions[0].id,
        sales_channel_id: channels[0].id,
        customer_id: customer.id,
        email: customer.email,
        items: variants.map((variant_id: string) => ({ variant_id, quantity: 1 })),
        shipping_address: {
          first_name: "Bench",
          address_1: "Valiasr St",
          city: "Tehran",
          country_code: "ir",
          postal_code: "1234567890",
        },
      },
    })
    await addShippingMethodToCartWorkflow(container).run({
      input: { cart_id: cart.id, options: [{ id: options[0].id }] },
    })
    const { data: [withCollection] } = await query.graph({
      entity: "cart",
      fields: ["id", "payment_collection.id"],
      filters: { id: cart.id },
    })
    let collectionId = (withCollection as any).payment_collection?.id
    if (!collectionId) {
      await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
      const { data: [again] } = await query.graph({
        entity: "cart",
        fields: ["payment_collection.id"],
        filters: { id: cart.id },
      })
      collectionId = (again as any).payment_collection.id
    }
    await createPaymentSessionsWorkflow(container).run({
      input: { payment_collection_id: collectionId, provider_id: "pp_system_default" },
    })
    return cart.id as string
  }

  const place = async (cartId: string) => {
    const { result } = await completeCartWorkflow(container).run({ input: { id: cartId } })
    return result.id as string
  }

  // The plugin's subscriber, registered the way Medusa's loader does it
  // (`medusa exec` loads no subscribers); awards then run as events arrive,
  // not awaited by the placement, exactly like in a running store.
  // The local event bus keeps subscriber ids after unsubscribing: each
  // subscription gets its own id.
  let subscriptions = 0
  const subscribe = () => {
    const subscriberId = `bench-loyalty-order-placed-cashback-${++subscriptions}`
    eventBus.subscribe(OrderWorkflowEvents.PLACED, handler, { subscriberId })
    return () => eventBus.unsubscribe(OrderWorkflowEvents.PLACED, handler, { subscriberId })
  }
  let awardsRunning = 0
  let awardsDone = 0
  const handler = async (event: any) => {
    awardsRunning += 1
    try {
      await orderPlacedCashback({ event, container, pluginOptions: {} } as any)
    } finally {
      awardsRunning -= 1
      awardsDone += 1
    }
  }

  const placed: string[] = []
  if (PLACEMENTS > 0) {
    process.stderr.write(`bench: preparing ${PLACEMENTS * 2} carts...\n`)
    const carts: string[] = []
    for (let i = 0; i < PLACEMENTS * 2; i++) {
      carts.push(await prepareCart())
    }
    // Warm up both paths.
    const warm = [await prepareCart(), await prepareCart()]
    await place(warm[0])
    const off = subscribe()
    await place(warm[1])
    off()

    // Interleaved rounds: without the plugin, then with it, so drift in the
    // database (table growth, caches) hits both sides alike.
    const without: number[] = []
    const withPlugin: number[] = []
    const perRound = Math.floor(PLACEMENTS / ROUNDS)
    let c = 0
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < perRound; i++) {
        const start = now()
        placed.push(await place(carts[c++]))
        without.push(now() - start)
      }
      const unsubscribe = subscribe()
      for (let i = 0; i < perRound; i++) {
        const start = now()
        await place(carts[c++])
        withPlugin.push(now() - start)
      }
      // Let the awards of this round finish before the next "without" round.
      while (awardsRunning > 0) {
        await new Promise((r) => setTimeout(r, 20))
      }
      unsubscribe()
    }
    print("placement_without_plugin_median", median(without), "ms")
    print("placement_with_plugin_median", median(withPlugin), "ms")
    print("placement_ratio_with_vs_without", median(withPlugin) / median(without), "(target <= 1.10)")
    print("placement_awards_done", awardsDone, "orders")
  }

  // Award throughput: orders (created directly, as a till or an import
  // would; the award reads the same order data) get their cashback from the
  // award workflow, as the subscriber would run it.
  process.stderr.write(`bench: creating orders up to ${ORDERS} for the award run...\n`)
  while (placed.length < ORDERS) {
    const customer = customers[n++ % customers.length]
    const { result: order } = await createOrderWorkflow(container).run({
      input: {
        region_id: regions[0].id,
        sales_channel_id: channels[0].id,
        customer_id: customer.id,
        email: customer.email,
        currency_code: "irr",
        items: variants.map((variant_id: string) => ({ variant_id, quantity: 1 })),
      } as any,
    })
    placed.push(order.id)
  }
  const orders = placed.slice(0, ORDERS)
  let start = now()
  for (const order_id of orders.slice(0, Math.min(200, orders.length))) {
    await awardOrderCashbackWorkflow(container).run({ input: { order_id } })
  }
  const sequential = Math.min(200, orders.length) / ((now() - start) / 1000)
  start = now()
  await runConcurrent(orders.length, CONCURRENCY, async (i) => {
    await awardOrderCashbackWorkflow(container).run({ input: { order_id: orders[i] } })
  })
  const concurrent = orders.length / ((now() - start) / 1000)
  const service: any = container.resolve("loyalty_club")
  const [, credits] = await service.listAndCountWalletTransactions({ type: "credit", reference: "order" })
  print("award_orders", orders.length, "orders")
  print("award_sequential", sequential, "orders/s (first 200, one at a time)")
  print(`award_concurrency_${CONCURRENCY}`, concurrent, "orders/s (all, the first 200 repeat and pay nothing)")
  print("award_credits_written", credits, "credits (two rules pay per order)")
  print("peak_rss", peakRssMb(), "MB")

  // Every order of the award run earned (a credit per rule, keyed
  // `order_id:rule_id`, so a repeat pays nothing more), every credit is
  // positive, and the cached balances equal the ledger.
  const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows: [awarded] } = await pg.raw(
    `SELECT count(DISTINCT split_part(reference_id, ':', 1))::int AS orders,
       count(*)::int AS credits,
       count(*) FILTER (WHERE amount <= 0)::int AS not_positive,
       count(DISTINCT split_part(reference_id, ':', 1)) FILTER (
         WHERE split_part(reference_id, ':', 1) IN (SELECT jsonb_array_elements_text(?::jsonb)))::int AS run
     FROM loyalty_wallet_transaction WHERE type = 'credit' AND reference = 'order'`,
    [JSON.stringify(orders)]
  )
  check("award_every_order", awarded.run === orders.length, `${awarded.run} of the ${orders.length} orders of the award run earned`)
  check("award_positive_credits", awarded.not_positive === 0 && awarded.credits === credits, `${awarded.credits} credits on ${awarded.orders} orders`)
  // Cached balances equal the ledger.
  const { rows: [ledger] } = await pg.raw(
    `SELECT count(*) FILTER (WHERE w.balance <> coalesce(t.total, 0))::int AS off, count(*)::int AS wallets
     FROM loyalty_wallet w
     LEFT JOIN (SELECT wallet_id, sum(amount) AS total FROM loyalty_wallet_transaction GROUP BY wallet_id) t
       ON t.wallet_id = w.id
     WHERE w.deleted_at IS NULL`
  )
  check("award_cached_balances", ledger.off === 0, `${ledger.wallets} wallets, ${ledger.off} off the ledger`)
}
