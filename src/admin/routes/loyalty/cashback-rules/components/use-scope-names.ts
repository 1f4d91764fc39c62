import { useQueries } from "@tanstack/react-query"
import { useMemo } from "react"
import { CashbackRule } from "../../../../lib/client"
import { api } from "../../../../lib/api"
import { loyaltyKeys } from "../../../../lib/query"
import { SCOPE_LISTS, ScopeKind, scopeRef } from "./rule-format"

/** Medusa's admin API for each kind of record a rule's scope names. */
const SOURCES: Record<ScopeKind, { path: string; key: string; label: string }> = {
  product: { path: "/admin/products", key: "products", label: "title" },
  category: { path: "/admin/product-categories", key: "product_categories", label: "name" },
  collection: { path: "/admin/collections", key: "collections", label: "title" },
  type: { path: "/admin/product-types", key: "product_types", label: "value" },
  tag: { path: "/admin/product-tags", key: "product_tags", label: "value" },
}

export type ScopeNames = (kind: ScopeKind, id: string) => string | undefined

/**
 * The names of the records the listed rules' summaries name ("5% on
 * Coffee"): one request per kind for the rules on screen.
 */
export function useScopeNames(rules: CashbackRule[]): ScopeNames {
  const wanted = useMemo(() => {
    const ids = new Map<ScopeKind, Set<string>>()
    for (const rule of rules) {
      for (const exclude of [false, true]) {
        const ref = scopeRef(rule.scope, exclude)
        if (ref) {
          ids.set(ref.kind, (ids.get(ref.kind) ?? new Set()).add(ref.id))
        }
      }
    }
    return SCOPE_LISTS.map(({ kind }) => ({
      kind,
      ids: [...(ids.get(kind) ?? [])].sort(),
    })).filter((w) => w.ids.length)
  }, [rules])

  const names = useQueries({
    queries: wanted.map(({ kind, ids }) => ({
      queryKey: loyaltyKeys.resources(kind, `names:${ids.join(",")}`),
      queryFn: async () => {
        const source = SOURCES[kind]
        const body = await api<Record<string, Record<string, string>[]>>(source.path, {
          query: { id: ids, fields: `id,${source.label}`, limit: ids.length },
        })
        return (body[source.key] ?? []).map((r) => [`${kind}:${r.id}`, r[source.label]] as const)
      },
      staleTime: 60_000,
    })),
    combine: (results) => new Map(results.flatMap((result) => result.data ?? [])),
  })

  return (kind, id) => names.get(`${kind}:${id}`)
}
