import {
  ApiKeyDTO,
  ExecArgs,
  RegionDTO,
  SalesChannelDTO,
  ShippingProfileDTO,
  StockLocationDTO,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { DEMO_MARKER_REGION } from "../constants"

/**
 * What the catalog and the accounts are built on. Returned only when the store
 * was created by this run: the marker region makes the whole store (store,
 * catalog, accounts) a once-only step.
 */
export type DemoStore = {
  webChannel: SalesChannelDTO
  extraChannels: SalesChannelDTO[]
  shippingProfile: ShippingProfileDTO
  location: StockLocationDTO
  iran: RegionDTO
  us: RegionDTO
  apiKey: ApiKeyDTO
}

/**
 * The store itself: IRR and USD regions, taxes, a warehouse with delivery, the
 * web and In-store sales channels and a publishable key.
 */
export async function seedStore({
  container,
}: ExecArgs): Promise<DemoStore | undefined> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const storeModule = container.resolve(Modules.STORE)

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

  return {
    webChannel,
    extraChannels,
    shippingProfile,
    location,
    iran,
    us,
    apiKey: apiKeys[0],
  }
}
