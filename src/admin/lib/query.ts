import { useQuery } from "@tanstack/react-query"
import { api } from "./api"
import { LoyaltySettings } from "./client"

/**
 * Query keys of the plugin's admin data, one root per resource, as Medusa's
 * dashboard does. A mutation invalidates the roots it changes, so lists,
 * balances and the club card never go stale.
 */
export const loyaltyKeys = {
  all: ["loyalty"] as const,
  settings: () => [...loyaltyKeys.all, "settings"] as const,
  storeCurrencies: () => [...loyaltyKeys.all, "store-currencies"] as const,
  rules: () => [...loyaltyKeys.all, "rules"] as const,
  tiers: () => [...loyaltyKeys.all, "tiers"] as const,
  wallets: () => [...loyaltyKeys.all, "wallets"] as const,
  walletsOf: (customerId: string) =>
    [...loyaltyKeys.wallets(), "customer", customerId] as const,
  walletLedger: (walletId: string, page: number) =>
    [...loyaltyKeys.wallets(), "ledger", walletId, page] as const,
  customer: (customerId: string) =>
    [...loyaltyKeys.all, "customer", customerId] as const,
  clubCard: (customerId: string) =>
    [...loyaltyKeys.customer(customerId), "club-card"] as const,
  customerTier: (customerId: string) =>
    [...loyaltyKeys.customer(customerId), "tier"] as const,
  customerMessages: (customerId: string) =>
    [...loyaltyKeys.customer(customerId), "messages"] as const,
  order: (orderId: string) => [...loyaltyKeys.all, "order", orderId] as const,
  messageTemplates: () => [...loyaltyKeys.all, "message-templates"] as const,
  posKeys: () => [...loyaltyKeys.all, "pos-keys"] as const,
  resources: (kind: string, search: string) =>
    [...loyaltyKeys.all, "resources", kind, search] as const,
  /** Loyalty analytics: every figure and the rollups' freshness under one root. */
  analytics: () => [...loyaltyKeys.all, "analytics"] as const,
  analyticsFigure: (figure: string, query: object) =>
    [...loyaltyKeys.analytics(), "figure", figure, query] as const,
  analyticsFreshness: () => [...loyaltyKeys.analytics(), "freshness"] as const,
}

/**
 * What a customer's balance touches: after a credit, debit, purchase or
 * freeze, the wallets, their ledgers and the customer's club card and tier.
 */
export const customerMoneyKeys = (customerId: string) => [
  loyaltyKeys.wallets(),
  loyaltyKeys.customer(customerId),
]

/** The club's settings (money display, time zone...), shared by every screen. */
export function useLoyaltySettings() {
  return useQuery({
    queryKey: loyaltyKeys.settings(),
    queryFn: () =>
      api<{ settings: LoyaltySettings }>("/admin/loyalty/settings"),
    select: (data) => data.settings,
    staleTime: 60_000,
  })
}

/**
 * The currencies the store sells in, lower case, the default first and the
 * rest in order: what a wallet opens in, a tier counts and a rule or a
 * per-currency setting names.
 */
export function useStoreCurrencies(enabled = true) {
  return useQuery({
    queryKey: loyaltyKeys.storeCurrencies(),
    queryFn: () =>
      api<{
        stores: { supported_currencies?: { currency_code: string; is_default?: boolean }[] | null }[]
      }>("/admin/stores", {
        query: { fields: "id,supported_currencies.currency_code,supported_currencies.is_default" },
      }),
    select: ({ stores }) => {
      const all = stores.flatMap((s) => s.supported_currencies ?? [])
      const first = all.find((c) => c.is_default)?.currency_code.toLowerCase()
      const rest = [...new Set(all.map((c) => c.currency_code.toLowerCase()))]
        .filter((c) => c !== first)
        .sort()
      return first ? [first, ...rest] : rest
    },
    enabled,
    staleTime: 5 * 60_000,
  })
}
