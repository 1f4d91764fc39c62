import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { QueueMessageInput } from "../../modules/loyalty-club/types"
import { normalizePhone } from "../../utils/phone"
import {
  DEFAULT_SMS_EVENTS,
  DEFAULT_TEMPLATES,
  MESSAGE_LOCALES,
  MessageEvent,
  MessageLocale,
  Money,
  renderMessage,
  sendAfter,
  shopDay,
} from "../../utils/sms-messages"

/** One message to compose: who, about what (the idempotency subject), and its values. */
export type MessageItem = {
  customer_id: string
  /** With the event and the shop day, the message's idempotency key. */
  subject: string
  /** The wallet whose balance the message shows (default: the amount's currency). */
  currency_code?: string | null
  amount?: Money | null
  expires_at?: Date | string | null
  tier?: string | null
  data?: Record<string, unknown> | null
}

// Customers, preferences and balances are read this many at a time.
const CHUNK = 5000

const VARIABLE = /\{([a-z_]+)\}/g

/** The shop's name in messages: the setting, else the Medusa store's name. */
export async function shopName(container: MedusaContainer, settings: { store_name: string | null }) {
  if (settings.store_name) {
    return settings.store_name
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["name"] })
  return ((data[0] as any)?.name as string | undefined) ?? ""
}

/**
 * Composes messages for customers: the shop's wording (or the shipped one)
 * in each customer's language, their first name, balance and phone, the
 * send time after quiet hours, and the idempotency key (event + subject +
 * shop day). A customer who opted out or has no usable phone gets a
 * `skipped` row, so the admin sees why nothing was sent. Nothing when the
 * shop turned the event off.
 */
export async function composeMessages(
  container: MedusaContainer,
  event: MessageEvent,
  items: MessageItem[],
  at: Date
): Promise<QueueMessageInput[]> {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const settings = await service.retrieveSettings()
  const enabled = { ...DEFAULT_SMS_EVENTS, ...(settings.sms_events ?? {}) }
  if (!enabled[event] || !items.length) {
    return []
  }
  const overrides = await service.listMessageTemplates({ event })
  const templateOf = (locale: MessageLocale) => {
    const custom = overrides.find((t) => t.locale === locale)
    return {
      body: custom?.body ?? DEFAULT_TEMPLATES[event][locale],
      gateway_template: custom?.gateway_template ?? null,
    }
  }
  const storeName = await shopName(container, settings)
  const day = shopDay(at, settings.time_zone)
  const notBefore = sendAfter(at, settings.quiet_hours_start, settings.quiet_hours_end, settings.time_zone)
  const defaultLocale = (MESSAGE_LOCALES as readonly string[]).includes(settings.default_locale)
    ? (settings.default_locale as MessageLocale)
    : "fa"

  const keyOf = (item: MessageItem) => `${event}:${item.subject}:${day}`
  const out: QueueMessageInput[] = []
  for (let i = 0; i < items.length; i += CHUNK) {
    // Messages already queued today are not composed again: the hourly
    // reminder runs after the first cost one indexed lookup per chunk.
    const known = await service.listExistingMessageKeys(items.slice(i, i + CHUNK).map(keyOf))
    const chunk = items.slice(i, i + CHUNK).filter((item) => !known.has(keyOf(item)))
    if (!chunk.length) {
      continue
    }
    const ids = Array.from(new Set(chunk.map((c) => c.customer_id)))
    const [{ data: customers }, preferences, wallets] = await Promise.all([
      query.graph({ entity: "customer", fields: ["id", "first_name", "phone"], filters: { id: ids } }),
      service.listSmsPreferencesOf(ids),
      service.listWallets({ customer_id: ids }, { select: ["id", "customer_id", "currency_code"] }),
    ])
    const balances = await service.getBalances(wallets.map((w) => w.id), { at })
    const customerById = new Map(customers.map((c: any) => [c.id, c]))
    const walletOf = new Map(wallets.map((w) => [`${w.customer_id}:${w.currency_code}`, w.id]))
    const firstWalletOf = new Map<string, { id: string; currency_code: string }>()
    for (const w of wallets) {
      if (!firstWalletOf.has(w.customer_id)) firstWalletOf.set(w.customer_id, w)
    }

    for (const item of chunk) {
      const customer: any = customerById.get(item.customer_id)
      const preference = preferences[item.customer_id]
      const locale = (MESSAGE_LOCALES as readonly string[]).includes(preference?.locale ?? "")
        ? (preference!.locale as MessageLocale)
        : defaultLocale
      // The balance of the wallet in the message's currency, else of the
      // customer's first wallet.
      const wanted = (item.currency_code ?? item.amount?.currency_code ?? "").toLowerCase()
      const wallet = wanted
        ? { id: walletOf.get(`${item.customer_id}:${wanted}`), currency: wanted }
        : { id: firstWalletOf.get(item.customer_id)?.id, currency: firstWalletOf.get(item.customer_id)?.currency_code }
      const balance = wallet.id && balances[wallet.id]
        ? { amount: balances[wallet.id].available, currency_code: wallet.currency! }
        : null
      const template = templateOf(locale)
      const format = { locale, money_display: settings.money_display, time_zone: settings.time_zone }
      const values = {
        first_name: customer?.first_name ?? null,
        amount: item.amount ?? null,
        balance,
        expires_at: item.expires_at ? new Date(item.expires_at) : null,
        tier: item.tier ?? null,
        store_name: storeName,
      }
      let phone: string | null = null
      try {
        phone = customer?.phone ? normalizePhone(customer.phone) : null
      } catch {
        phone = null
      }
      const reason = !customer ? "no_customer" : preference?.opted_out ? "opted_out" : !phone ? "no_phone" : null
      out.push({
        customer_id: item.customer_id,
        event,
        locale,
        phone,
        body: renderMessage(template.body, values, format),
        gateway_template: template.gateway_template,
        // An approved gateway template gets the values by name, in the
        // order the wording uses them (gateways with numbered tokens read
        // the order, those with named ones the names). A list, because a
        // JSON column keeps the order of a list, not of an object's keys.
        template_params: template.gateway_template
          ? Array.from(template.body.matchAll(VARIABLE)).map(([v, name]) => ({
              name,
              value: renderMessage(v, values, format),
            }))
          : null,
        idempotency_key: keyOf(item),
        status: reason ? "skipped" : "queued",
        reason,
        send_after: notBefore,
        data: item.data ?? null,
      })
    }
  }
  return out
}
