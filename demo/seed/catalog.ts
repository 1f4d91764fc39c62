import { ExecArgs } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { DemoStore } from "./store"

/**
 * Two categories (home appliances, coffee) and four products priced in IRR
 * and USD, sold online and in store, with 1,000 of each in the warehouse.
 */
export async function seedCatalog({ container }: ExecArgs, store: DemoStore) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { webChannel, extraChannels, shippingProfile, location } = store

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

  return products
}
