import {
  ContainerRegistrationKeys,
  MathBN,
  Modules,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { IN_STORE_CHANNEL } from "./register-purchase"

/**
 * Medusa's manual fulfillment provider (in Medusa's default configuration):
 * it calls no carrier, so a fulfillment through it records a handover and
 * ships nothing. A store that does not load it keeps till orders unfulfilled.
 */
export const POS_FULFILLMENT_PROVIDER = "manual_manual"

/** Marks the fulfillment a till purchase's handover made, so a void finds it. */
export const POS_PURCHASE_METADATA_KEY = "loyalty_pos_purchase_id"

type OrderItemRow = {
  id: string
  title: string
  quantity: any
  variant_sku?: string | null
  variant_barcode?: string | null
  variant_title?: string | null
}

export type PosHandover = {
  order_id: string
  /** The fulfillment to create, or null when the order has one or the store cannot. */
  fulfillment: {
    location_id: string
    provider_id: string
    requires_shipping: false
    packed_at: Date
    delivery_address: Record<string, never>
    items: { line_item_id: string; title: string; sku: string; barcode: string; quantity: any }[]
    labels: never[]
    order: { id: string }
    metadata: Record<string, string>
  } | null
  /** The order's items as fulfilled on the order, with the fulfillment. */
  items: { id: string; quantity: any }[]
  /** What the shopper paid at the till, or null when the order has a payment collection. */
  payment_amount: string | null
}

/**
 * The stock location of the till's sales channel: its first linked one, or,
 * when it has none, a location "In-store" made once and linked to it (as the
 * channel itself is made on first use).
 */
async function inStoreLocation(container: any, salesChannelId: string | null) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (salesChannelId) {
    const { data: channels } = await query.graph({
      entity: "sales_channel",
      fields: ["id", "stock_locations.id"],
      filters: { id: salesChannelId },
    })
    const linked = (channels[0] as any)?.stock_locations?.find(Boolean)?.id as string | undefined
    if (linked) {
      return linked
    }
  }
  const { data: named } = await query.graph({
    entity: "stock_location",
    fields: ["id"],
    filters: { name: IN_STORE_CHANNEL },
  })
  let locationId = (named[0] as any)?.id as string | undefined
  if (!locationId) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: IN_STORE_CHANNEL }] },
    })
    locationId = result[0].id
  }
  if (salesChannelId) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: locationId!, add: [salesChannelId] },
    })
  }
  return locationId!
}

export const resolvePosHandoverStepId = "loyalty-resolve-pos-handover"

/**
 * What recording a till order as paid and handed over needs: a fulfillment
 * of all its items at the till's stock location through the manual provider
 * (no shipping, nothing asked of a carrier) and the amount paid. An order
 * that already has a live fulfillment or payment collection gets none again,
 * so a repeat records nothing twice. A read, apart from the "In-store"
 * location made once: nothing to undo.
 */
export const resolvePosHandoverStep = createStep(
  resolvePosHandoverStepId,
  async (input: { order_id: string; purchase_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "total",
        "raw_total",
        "sales_channel_id",
        "items.id",
        "items.title",
        "items.quantity",
        "items.variant_sku",
        "items.variant_barcode",
        "items.variant_title",
        "fulfillments.id",
        "fulfillments.canceled_at",
        "payment_collections.id",
        "payment_collections.status",
      ],
      filters: { id: input.order_id },
    })
    const o = order as any
    const items = (o.items ?? []) as OrderItemRow[]
    const fulfilled = (o.fulfillments ?? []).some((f: any) => !f.canceled_at)
    const paid = (o.payment_collections ?? []).some((pc: any) => pc.status !== "canceled")

    let fulfillment: PosHandover["fulfillment"] = null
    if (!fulfilled && items.length) {
      const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
      const [provider] = await fulfillmentModule.listFulfillmentProviders({
        id: [POS_FULFILLMENT_PROVIDER],
        is_enabled: true,
      } as any)
      if (provider) {
        fulfillment = {
          location_id: await inStoreLocation(container, o.sales_channel_id ?? null),
          provider_id: POS_FULFILLMENT_PROVIDER,
          requires_shipping: false,
          packed_at: new Date(),
          delivery_address: {},
          items: items.map((item) => ({
            line_item_id: item.id,
            title: item.variant_title ?? item.title,
            sku: item.variant_sku ?? "",
            barcode: item.variant_barcode ?? "",
            quantity: item.quantity,
          })),
          labels: [],
          order: { id: o.id },
          metadata: { [POS_PURCHASE_METADATA_KEY]: input.purchase_id },
        }
      } else {
        logger.warn(
          `Order ${o.id} (in-store) stays "not fulfilled": the store does not load Medusa's manual fulfillment provider (${POS_FULFILLMENT_PROVIDER}) that records a handover at the till`
        )
      }
    }
    const handover: PosHandover = {
      order_id: o.id,
      fulfillment,
      items: items.map((item) => ({ id: item.id, quantity: item.quantity })),
      // The exact total (the raw big number), not its JS number rendering.
      payment_amount: paid ? null : MathBN.convert(o.raw_total ?? o.total ?? 0).toFixed(),
    }
    return new StepResponse(handover)
  }
)

export const cancelPosHandoverStepId = "loyalty-cancel-pos-handover"

type CanceledHandover = {
  order_id: string
  fulfillment_id: string
  items: { id: string; quantity: any }[]
  /** Whether the order's items were marked unfulfilled too. */
  on_order: boolean
}

/**
 * Before a voided purchase's order is canceled: the goods came back, so the
 * handover recorded at the till (its delivered fulfillment) is canceled, on
 * the fulfillment and on the order's items. Core cancels only fulfillments
 * not yet shipped or delivered, and cancels no order with a live one, so
 * this step does it for the till's own fulfillment (marked with the
 * purchase), calling no provider: the manual one has nothing to undo. The
 * undo puts the handover back.
 */
export const cancelPosHandoverStep = createStep(
  cancelPosHandoverStepId,
  async (input: { order_id: string; purchase_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "fulfillments.id",
        "fulfillments.canceled_at",
        "fulfillments.metadata",
        "fulfillments.items.line_item_id",
        "fulfillments.items.quantity",
      ],
      filters: { id: input.order_id },
    })
    const ours = ((order as any)?.fulfillments ?? []).filter(
      (f: any) => !f.canceled_at && f.metadata?.[POS_PURCHASE_METADATA_KEY] === input.purchase_id
    )
    const canceled: CanceledHandover[] = []
    try {
      for (const f of ours) {
        const items = (f.items ?? []).map((i: any) => ({ id: i.line_item_id as string, quantity: i.quantity }))
        const handover = { order_id: input.order_id, fulfillment_id: f.id as string, items, on_order: false }
        canceled.push(handover)
        await container.resolve(Modules.ORDER).cancelFulfillment({
          order_id: input.order_id,
          reference: Modules.FULFILLMENT,
          reference_id: f.id,
          items,
        })
        handover.on_order = true
        await container.resolve(Modules.FULFILLMENT).updateFulfillment(f.id, { canceled_at: new Date() } as any)
      }
    } catch (error) {
      // A failed step is not undone by the engine: put back what it did.
      await restoreHandovers(container, canceled)
      throw error
    }
    return new StepResponse(canceled.length, canceled)
  },
  async (canceled, { container }) => {
    await restoreHandovers(container, canceled ?? [])
  }
)

async function restoreHandovers(container: any, canceled: CanceledHandover[]) {
  for (const c of canceled) {
    await container.resolve(Modules.FULFILLMENT).updateFulfillment(c.fulfillment_id, { canceled_at: null } as any)
    if (c.on_order) {
      await container.resolve(Modules.ORDER).registerFulfillment({
        order_id: c.order_id,
        reference: Modules.FULFILLMENT,
        reference_id: c.fulfillment_id,
        items: c.items,
      })
    }
  }
}
