import { ExecArgs } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MathBN,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createOrderWorkflow,
  createCustomersWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  awardOrderCashbackWorkflow,
  createCashbackRulesWorkflow,
  createTiersWorkflow,
  createWalletWorkflow,
  creditWalletWorkflow,
  debitWalletWorkflow,
  evaluateTiersWorkflow,
  createPosKeyWorkflow,
  queueMessagesWorkflow,
  registerPosPurchaseWorkflow,
  sendDueMessagesWorkflow,
  setCustomerTierWorkflow,
  updateLoyaltySettingsWorkflow,
} from "../src/workflows"
import { DEMO_ADMIN, DEMO_CUSTOMERS, DEMO_MARKER_REGION } from "./constants"

/**
 * Demo data for `npm run dev`. The store itself (regions in IRR and USD,
 * products in two categories, a publishable key, an admin, shoppers known by
 * phone) is created once; each loyalty capability then adds its own demo data
 * with idempotent keys, so re-running after an upgrade fills in what is new.
 */
export default async function seedDemo({ container }: ExecArgs) {
  await seedStore({ container } as ExecArgs)
  await seedWallets({ container } as ExecArgs)
  await seedCashbackRules({ container } as ExecArgs)
  await seedCashbackOrder({ container } as ExecArgs)
  await seedTiers({ container } as ExecArgs)
  await seedMessages({ container } as ExecArgs)
  await seedPointOfSale({ container } as ExecArgs)
}

async function seedStore({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const storeModule = container.resolve(Modules.STORE)
  const authModule = container.resolve(Modules.AUTH)

  const { data: existing } = await query.graph({
    entity: "region",
    fields: ["id"],
    filters: { name: DEMO_MARKER_REGION },
  })
  if (existing.length) {
    logger.info("Demo data already present, nothing to seed.")
    return
  }

  logger.info("Seeding demo store...")
  const [store] = await storeModule.listStores()
  let [webChannel] = await salesChannelModule.listSalesChannels({
    name: "Default Sales Channel",
  })
  if (!webChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: "Default Sales Channel" }] },
    })
    webChannel = result[0]
  }
  const { result: extraChannels } = await createSalesChannelsWorkflow(
    container
  ).run({
    input: {
      salesChannelsData: [
        { name: "In-store", description: "Purchases registered at the till" },
      ],
    },
  })

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Loyalty Club Demo",
        supported_currencies: [
          { currency_code: "irr", is_default: true },
          { currency_code: "usd" },
        ],
        default_sales_channel_id: webChannel.id,
      },
    },
  })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: DEMO_MARKER_REGION,
          currency_code: "irr",
          countries: ["ir"],
          payment_providers: ["pp_system_default"],
        },
        {
          name: "United States",
          currency_code: "usd",
          countries: ["us"],
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })
  const [iran, us] = regions

  await createTaxRegionsWorkflow(container).run({
    input: [
      { country_code: "ir", provider_id: "tp_system" },
      { country_code: "us", provider_id: "tp_system" },
    ],
  })

  const { result: locations } = await createStockLocationsWorkflow(
    container
  ).run({
    input: {
      locations: [
        {
          name: "Tehran warehouse",
          address: { city: "Tehran", country_code: "IR", address_1: "" },
        },
      ],
    },
  })
  const location = locations[0]
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  let [shippingProfile] = await fulfillmentModule.listShippingProfiles({
    type: "default",
  })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfile = result[0]
  }

  const fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
    name: "Tehran warehouse delivery",
    type: "shipping",
    service_zones: [
      {
        name: "Iran and US",
        geo_zones: [
          { country_code: "ir", type: "country" },
          { country_code: "us", type: "country" },
        ],
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })

  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard delivery",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Standard", description: "2-4 days", code: "standard" },
        prices: [
          { currency_code: "irr", amount: 500000 },
          { currency_code: "usd", amount: 8 },
          { region_id: iran.id, amount: 500000 },
          { region_id: us.id, amount: 8 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: {
      id: location.id,
      add: [webChannel.id, ...extraChannels.map((c) => c.id)],
    },
  })

  const { result: apiKeys } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [{ title: "Demo storefront", type: "publishable", created_by: "" }],
    },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKeys[0].id, add: [webChannel.id] },
  })

  const { result: categories } = await createProductCategoriesWorkflow(
    container
  ).run({
    input: {
      product_categories: [
        { name: "Home appliances", handle: "home-appliances", is_active: true },
        { name: "Coffee", handle: "coffee", is_active: true },
      ],
    },
  })
  const [appliances, coffee] = categories

  const product = (
    title: string,
    handle: string,
    categoryId: string,
    irr: number,
    usd: number
  ) => ({
    title,
    handle,
    status: ProductStatus.PUBLISHED,
    category_ids: [categoryId],
    shipping_profile_id: shippingProfile.id,
    options: [{ title: "Default", values: ["Default"] }],
    sales_channels: [{ id: webChannel.id }, ...extraChannels.map((c) => ({ id: c.id }))],
    variants: [
      {
        title: "Default",
        sku: handle.toUpperCase(),
        options: { Default: "Default" },
        prices: [
          { currency_code: "irr", amount: irr },
          { currency_code: "usd", amount: usd },
        ],
      },
    ],
  })

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        product("Vacuum cleaner", "vacuum-cleaner", appliances.id, 185000000, 299),
        product("Washing machine", "washing-machine", appliances.id, 420000000, 649),
        product("Espresso beans 1kg", "espresso-beans", coffee.id, 28500000, 24.5),
        product("Hand grinder", "hand-grinder", coffee.id, 64000000, 89),
      ],
    },
  })

  const { data: inventoryItems } = await query.graph({
    entity: "inventory_item",
    fields: ["id"],
    filters: { sku: products.flatMap((p) => p.variants.map((v) => v.sku!)) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: inventoryItems.map((item) => ({
        location_id: location.id,
        inventory_item_id: item.id,
        stocked_quantity: 1000,
      })),
    },
  })

  await createCustomersWorkflow(container).run({
    input: {
      customersData: DEMO_CUSTOMERS.map((c) => ({ ...c, has_account: false })),
    },
  })

  const { result: users } = await createUsersWorkflow(container).run({
    input: {
      users: [
        { email: DEMO_ADMIN.email, first_name: "Demo", last_name: "Admin" },
      ],
    },
  })
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  } as any)
  if (error || !authIdentity) {
    throw new Error(`Could not create the demo admin: ${error}`)
  }
  await authModule.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: users[0].id },
  })

  logger.info(
    `Demo store seeded: regions ${iran.name} (IRR) and ${us.name} (USD), ${products.length} products, publishable key ${apiKeys[0].token}`
  )
}

const DAY = 86400000

/** Sara's wallet with a little history: cashback, a gift, a till purchase. */
async function seedWallets({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [sara] = await customerModule.listCustomers({
    email: DEMO_CUSTOMERS[0].email,
  })
  if (!sara) {
    return
  }
  const { result } = await createWalletWorkflow(container).run({
    input: { customer_id: sara.id, currency_code: "irr" },
  })
  const wallet_id = result.wallet.id
  const credit = (reference_id: string, amount: number, note: string, extra = {}) =>
    creditWalletWorkflow(container).run({
      input: { wallet_id, amount, reference: "demo", reference_id, note, ...extra },
    })
  await credit("cashback-1", 2500000, "Cashback on the washing machine", {
    expires_at: new Date(Date.now() + 60 * DAY),
  })
  await credit("welcome", 1000000, "Welcome gift", {
    expires_at: new Date(Date.now() + 5 * DAY),
  })
  await debitWalletWorkflow(container).run({
    input: {
      wallet_id,
      amount: 800000,
      reference: "demo",
      reference_id: "till-1",
      note: "Paid at the till, Tehran shop",
    },
  })
  await credit("cashback-2", 300000, "Cashback on espresso beans (released after the return window)", {
    available_at: new Date(Date.now() + 10 * DAY),
    expires_at: new Date(Date.now() + 40 * DAY),
  })
  logger.info(`Demo wallet ready for ${sara.first_name} (${wallet_id})`)
}

/** The rules shops asked for: per-category rates, a fixed gift, a holiday x2. */
async function seedCashbackRules({ container }: ExecArgs) {
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
          type: "percent",
          value: "1",
          currency_code: "irr",
          max_amount: "5000000",
          expires_after_days: 30,
          scope: { product_ids: [id(products, "vacuum-cleaner")] },
        },
        {
          name: "2% on washing machines",
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

/**
 * An order of Sara's that earned cashback by the demo rules: 1,850,000 IRR
 * spendable now (vacuum cleaner) and 8,400,000 held for 14 days (washing
 * machine), visible on the order page and in her wallet.
 */
async function seedCashbackOrder({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [sara] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[0].email })
  if (!sara) {
    return
  }
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { customer_id: sara.id },
  })
  if (orders.length) {
    return
  }
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id"],
    filters: { name: DEMO_MARKER_REGION },
  })
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id"],
    filters: { name: "Default Sales Channel" },
  })
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["handle", "variants.id"],
    filters: { handle: ["vacuum-cleaner", "washing-machine"] },
  })
  const { result: order } = await createOrderWorkflow(container).run({
    input: {
      region_id: regions[0].id,
      customer_id: sara.id,
      email: sara.email,
      sales_channel_id: channels[0]?.id,
      currency_code: "irr",
      status: "pending" as any,
      items: products.map((p: any) => ({ variant_id: p.variants[0].id, quantity: 1 })),
      shipping_address: {
        first_name: sara.first_name ?? "Sara",
        last_name: sara.last_name ?? "",
        address_1: "Valiasr St",
        city: "Tehran",
        country_code: "ir",
        postal_code: "1234567890",
        phone: sara.phone ?? undefined,
      },
    },
  })
  await awardOrderCashbackWorkflow(container).run({ input: { order_id: order.id } })
  logger.info(`Demo order with cashback placed for ${sara.first_name} (${order.id})`)
}

/**
 * Silver, Gold and Platinum by spend in IRR, a rule that pays members their
 * tier's rate on top of the product rules, Sara placed by her demo order and
 * Reza pinned to Gold by the shop.
 */
async function seedTiers({ container }: ExecArgs) {
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

/**
 * SMS: the shop's name for messages, Emily reading them in English, and
 * Sara's cashback message and balance statement sent through the configured
 * gateway (the `log` gateway by default: look for "[sms]" in the output).
 * `medusa exec` loads no subscribers, so the messages the demo's events
 * would queue are queued here.
 */
async function seedMessages({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: any = container.resolve("loyalty_club")
  // Every step is idempotent (the settings, the preference, the messages'
  // keys), so a seed that stopped half way fills in the rest.
  if (!(await service.retrieveSettings()).store_name) {
    await updateLoyaltySettingsWorkflow(container).run({ input: { store_name: "Loyalty Club Demo" } })
  }
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [sara] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[0].email })
  const [emily] = await customerModule.listCustomers({ email: DEMO_CUSTOMERS[2].email })
  if (emily) {
    await service.upsertSmsPreference({ customer_id: emily.id, locale: "en" })
  }
  if (!sara) {
    return
  }
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { customer_id: sara.id } })
  const awarded = orders.length ? await service.listOrderCashback(orders[0].id) : []
  if (orders.length && awarded.length) {
    const total = MathBN.sum(0, ...awarded.map((c: any) => c.amount))
    await queueMessagesWorkflow(container).run({
      input: {
        event: "cashback_credited",
        items: [
          {
            customer_id: sara.id,
            subject: orders[0].id,
            currency_code: "irr",
            amount: { amount: total.toFixed(), currency_code: "irr" },
          },
        ],
      },
    })
  }
  const [wallet] = await service.listWallets({ customer_id: sara.id, currency_code: "irr" })
  if (wallet) {
    await queueMessagesWorkflow(container).run({
      input: {
        event: "balance_statement",
        items: [{ customer_id: sara.id, subject: wallet.id, currency_code: "irr" }],
      },
    })
  }
  // The demo sends at once whatever the hour (quiet hours would hold these
  // until the morning).
  await sendDueMessagesWorkflow(container).run({ input: { at: new Date(Date.now() + 86400000) } })
  logger.info("Demo SMS sent (see the [sms] lines above)")
}

/**
 * A till: a key for the demo shop's counter (printed once, at the first
 * seed), a rule paying 2% on in-store purchases, and one purchase of Emily's
 * registered at the till, so the In-store channel has an order with cashback.
 */
async function seedPointOfSale({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: any = container.resolve("loyalty_club")
  // The demo's shoppers are members by phone, as if each had proven their
  // number once: the till and the kiosk know members only from the club's
  // own phone table, never from a phone typed on an account.
  const customerModule = container.resolve(Modules.CUSTOMER)
  for (const demo of DEMO_CUSTOMERS) {
    const [customer] = await customerModule.listCustomers({ email: demo.email })
    if (customer && demo.phone) {
      await service.registerMemberPhone({ phone: demo.phone, customer_id: customer.id, source: "admin" })
    }
  }
  const [existing] = await service.listPosKeys({ name: "Demo till" })
  if (!existing) {
    const { result } = await createPosKeyWorkflow(container).run({
      input: { name: "Demo till", location: "Tehran, Valiasr St", scopes: ["lookup", "earn", "redeem"] },
    })
    logger.info(`Demo till key (shown once): ${result.key}`)
  }
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: "In-store" } })
  const rules = await service.listCashbackRules({ name: "2% at the till" })
  if (channels.length && !rules.length) {
    await createCashbackRulesWorkflow(container).run({
      input: {
        rules: [
          {
            name: "2% at the till",
            type: "percent",
            value: "2",
            currency_code: "irr",
            expires_after_days: 90,
            sales_channel_ids: [channels[0].id],
            combination: "stack",
          },
        ],
      },
    })
  }
  await registerPosPurchaseWorkflow(container).run({
    input: {
      phone: DEMO_CUSTOMERS[2].phone,
      amount: "12000000",
      currency_code: "irr",
      receipt_id: "demo-till-0001",
      location: "Tehran, Valiasr St",
      note: "Demo purchase at the till",
    },
  })
  logger.info("Demo in-store purchase registered for Emily (receipt demo-till-0001)")
}
