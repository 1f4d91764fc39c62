import { ChevronUpDown, XMarkMini } from "@medusajs/icons"
import { Button, Checkbox, Input, Popover, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { FieldValues } from "react-hook-form"
import { api } from "../../lib/api"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { loyaltyKeys } from "../../lib/query"
import { Data } from "../ltr"
import { ControlledField } from "./controlled"
import { FieldProps } from "./types"

export type PickerOption = { value: string; label: string }

/** The store's records a picker searches, by Medusa's admin API. */
const SOURCES = {
  product: { path: "/admin/products", key: "products", label: "title" },
  category: { path: "/admin/product-categories", key: "product_categories", label: "name" },
  collection: { path: "/admin/collections", key: "collections", label: "title" },
  type: { path: "/admin/product-types", key: "product_types", label: "value" },
  tag: { path: "/admin/product-tags", key: "product_tags", label: "value" },
  customer_group: { path: "/admin/customer-groups", key: "customer_groups", label: "name" },
} as const

export type ResourceKind = keyof typeof SOURCES

const PAGE = 20

async function fetchOptions(kind: ResourceKind, query: Record<string, unknown>) {
  const source = SOURCES[kind]
  const body = await api<Record<string, Record<string, string>[]>>(source.path, {
    query: { fields: `id,${source.label}`, ...query } as never,
  })
  return (body[source.key] ?? []).map((r) => ({ value: r.id, label: r[source.label] ?? r.id }))
}

function useDebounced(value: string, ms = 250) {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

type MultiSelectProps = {
  id: string
  value: string[]
  onChange: (ids: string[]) => void
  invalid?: boolean
  disabled?: boolean
  placeholder?: string
} & ({ kind: ResourceKind; options?: never } | { options: PickerOption[]; kind?: never })

/**
 * A searchable multi-select: of the store's records (`kind`: searched on
 * the server, a page at a time) or of given options. Selected records show
 * by name, also when they are not on the page searched.
 */
export const MultiSelect = ({
  id,
  value,
  onChange,
  invalid,
  disabled,
  placeholder,
  kind,
  options,
}: MultiSelectProps) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const [search, setSearch] = useState("")
  const term = useDebounced(search.trim())

  const found = useQuery({
    queryKey: loyaltyKeys.resources(kind ?? "static", term),
    queryFn: () => fetchOptions(kind!, { q: term || undefined, limit: PAGE }),
    enabled: !!kind,
    placeholderData: keepPreviousData,
    // A record created since the last look shows without a search.
    refetchOnMount: "always",
  })
  const chosen = useQuery({
    queryKey: loyaltyKeys.resources(kind ?? "static", `id:${[...value].sort().join(",")}`),
    queryFn: () => fetchOptions(kind!, { id: value, limit: value.length }),
    enabled: !!kind && value.length > 0,
    placeholderData: keepPreviousData,
  })

  const shown = useMemo(() => {
    if (kind) return found.data ?? []
    const lower = term.toLowerCase()
    return (options ?? []).filter((o) => !lower || o.label.toLowerCase().includes(lower))
  }, [found.data, kind, options, term])

  const labels = useMemo(
    () =>
      new Map(
        [...(options ?? []), ...(found.data ?? []), ...(chosen.data ?? [])].map((o) => [
          o.value,
          o.label,
        ])
      ),
    [chosen.data, found.data, options]
  )

  const toggle = (v: string) =>
    onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v])

  return (
    <div className="flex flex-col gap-y-2">
      <Popover onOpenChange={(open) => !open && setSearch("")}>
        <Popover.Trigger asChild>
          <Button
            id={id}
            type="button"
            variant="secondary"
            disabled={disabled}
            aria-invalid={invalid || undefined}
            className={`w-full justify-between font-normal ${invalid ? "shadow-borders-error" : ""}`}
          >
            <span className={value.length ? "text-ui-fg-base" : "text-ui-fg-muted"}>
              {value.length
                ? t("common.picker.selected", { count: value.length, n: number(value.length) })
                : placeholder ?? t("common.picker.placeholder")}
            </span>
            <ChevronUpDown className="text-ui-fg-muted" />
          </Button>
        </Popover.Trigger>
        <Popover.Content align="start" className="z-[100] w-[var(--radix-popover-trigger-width)] p-0">
          <div className="border-b p-2">
            <Input
              size="small"
              type="search"
              placeholder={t("common.picker.search")}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              autoFocus
            />
          </div>
          <div className="max-h-64 overflow-y-auto p-1" role="listbox" aria-multiselectable>
            {shown.length === 0 && (
              <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
                {term ? t("common.states.noMatches") : t("common.picker.nothing")}
              </Text>
            )}
            {shown.map((o) => (
              <label
                key={o.value}
                role="option"
                aria-selected={value.includes(o.value)}
                className="hover:bg-ui-bg-base-hover flex cursor-pointer items-center gap-x-2 rounded-md px-2 py-1.5"
              >
                <Checkbox checked={value.includes(o.value)} onCheckedChange={() => toggle(o.value)} />
                <Text size="small" className="truncate">
                  <Data>{o.label}</Data>
                </Text>
              </label>
            ))}
          </div>
        </Popover.Content>
      </Popover>
      {value.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {value.map((v) => (
            <span
              key={v}
              className="bg-ui-bg-component txt-compact-xsmall-plus text-ui-fg-subtle shadow-borders-base inline-flex items-center gap-x-1 rounded-md py-0.5 pe-1 ps-2"
            >
              <span className="max-w-[220px] truncate">
                <Data>{labels.get(v) ?? v}</Data>
              </span>
              <button
                type="button"
                aria-label={t("common.actions.remove", { name: labels.get(v) ?? v })}
                className="text-ui-fg-muted hover:text-ui-fg-base"
                onClick={() => toggle(v)}
              >
                <XMarkMini />
              </button>
            </span>
          ))}
        </div>
      )}
    </div>
  )
}

/** A form field choosing records of the store (`kind`) or among `options`. */
export function PickerField<T extends FieldValues>(
  props: FieldProps<T> &
    ({ kind: ResourceKind; options?: never } | { options: PickerOption[]; kind?: never })
) {
  const { kind, options, disabled, placeholder } = props
  return (
    <ControlledField
      props={props}
      render={({ field, a11y, invalid }) => (
        <MultiSelect
          id={a11y.id}
          value={field.value ?? []}
          onChange={field.onChange}
          invalid={invalid}
          disabled={disabled}
          placeholder={placeholder}
          {...(kind ? { kind } : { options: options! })}
        />
      )}
    />
  )
}
