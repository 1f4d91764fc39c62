import { api } from "../../lib/api"
import { TierHistoryEntry } from "../../lib/client"

export type Labels = {
  orders: Map<string, string>
  users: Map<string, string>
}

export const NO_LABELS: Labels = { orders: new Map(), users: new Map() }

/** "#12" for orders and names for the admins the history points at. */
export async function loadLabels(history: TierHistoryEntry[]): Promise<Labels> {
  const orderIds = Array.from(new Set(history.map((h) => h.order_id).filter(Boolean))) as string[]
  const userIds = Array.from(new Set(history.map((h) => h.actor_id).filter(Boolean))) as string[]
  const [orders, users] = await Promise.all([
    orderIds.length
      ? api<{ orders: { id: string; display_id: number }[] }>("/admin/orders", {
          query: { id: orderIds, fields: "id,display_id", limit: 50 },
        })
          .then((r) => r.orders)
          .catch(() => [])
      : [],
    userIds.length
      ? api<{
          users: { id: string; email: string; first_name: string | null; last_name: string | null }[]
        }>("/admin/users", {
          query: { id: userIds, fields: "id,email,first_name,last_name" },
        })
          .then((r) => r.users)
          .catch(() => [])
      : [],
  ])
  return {
    orders: new Map(orders.map((o) => [o.id, `#${o.display_id}`])),
    users: new Map(
      users.map((u) => [u.id, [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email])
    ),
  }
}
