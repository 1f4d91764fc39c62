import { useCallback, useEffect, useState } from "react"
import { CustomerTier, errorMessage, sdk, Tier } from "../../lib/client"
import { Labels, loadLabels } from "./labels"

/**
 * The customer's tier with its history's labels, and the shop's tiers by
 * rank; `show` puts a tier the API answered on screen.
 */
export function useCustomerTier(customerId: string) {
  const [view, setView] = useState<CustomerTier | null>(null)
  const [tiers, setTiers] = useState<Tier[]>([])
  const [labels, setLabels] = useState<Labels>({
    orders: new Map(),
    users: new Map(),
  })
  const [error, setError] = useState<string | null>(null)

  const show = useCallback(async (next: CustomerTier) => {
    setView(next)
    setLabels(await loadLabels(next.history))
  }, [])

  const load = useCallback(async () => {
    const [{ customer_tier }, { tiers }] = await Promise.all([
      sdk.client.fetch<{ customer_tier: CustomerTier }>(
        `/admin/loyalty/customers/${customerId}/tier`
      ),
      sdk.client.fetch<{ tiers: Tier[] }>("/admin/loyalty/tiers"),
    ])
    setTiers([...tiers].sort((a, b) => a.rank - b.rank))
    await show(customer_tier)
  }, [customerId, show])

  useEffect(() => {
    load().catch((e) => setError(errorMessage(e)))
  }, [load])

  return { view, tiers, labels, error, show }
}
