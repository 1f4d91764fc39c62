import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { api } from "../../lib/api"
import { loyaltyKeys } from "../../lib/query"
import { AdminCustomerTier, useTiers } from "../../lib/tier-format"
import { loadLabels, NO_LABELS } from "./labels"

/**
 * The customer's tier (loyaltyKeys.customerTier: a credit, an order or a
 * pin invalidates it with the customer's other loyalty data), the shop's
 * tiers by rank, and the labels of the orders and admins its history names.
 */
export function useCustomerTier(customerId: string) {
  const view = useQuery({
    queryKey: loyaltyKeys.customerTier(customerId),
    queryFn: () =>
      api<{ customer_tier: AdminCustomerTier }>(`/admin/loyalty/customers/${customerId}/tier`),
    select: (data) => data.customer_tier,
  })
  const tiers = useTiers()
  const history = view.data?.history ?? []
  const ids = [
    ...history.map((h) => h.order_id),
    ...history.map((h) => h.actor_id),
  ].filter(Boolean) as string[]
  const labels = useQuery({
    queryKey: [...loyaltyKeys.customerTier(customerId), "labels", [...new Set(ids)].sort()],
    queryFn: () => loadLabels(history),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  })
  return {
    view: view.data,
    tiers: tiers.data ?? [],
    labels: labels.data ?? NO_LABELS,
    error: view.error ?? tiers.error,
    isPending: view.isPending || tiers.isPending,
  }
}
