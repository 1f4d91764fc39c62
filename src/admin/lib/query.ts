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
