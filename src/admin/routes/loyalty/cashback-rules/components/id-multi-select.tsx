import { ChevronUpDown, XMarkMini } from "@medusajs/icons"
import { Button, Checkbox, Input, Popover, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"

export type Option = { value: string; label: string }

type Props = {
  id: string
  options: Option[]
  value: string[]
  onChange: (value: string[]) => void
  placeholder: string
  invalid?: boolean
}

/**
 * A searchable multi-select of ids. Ids that are not among the options (a
 * deleted product, or more than the first page) stay selected and show as ids.
 */
export const IdMultiSelect = ({
  id,
  options,
  value,
  onChange,
  placeholder,
  invalid,
}: Props) => {
  const [search, setSearch] = useState("")
  const labels = useMemo(
    () => new Map(options.map((o) => [o.value, o.label])),
    [options]
  )
  const shown = useMemo(() => {
    const term = search.trim().toLowerCase()
    return term
      ? options.filter(
          (o) => o.label.toLowerCase().includes(term) || o.value.includes(term)
        )
      : options
  }, [options, search])

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
            aria-invalid={invalid || undefined}
            className={`w-full justify-between font-normal ${invalid ? "shadow-borders-error" : ""}`}
          >
            <span
              className={value.length ? "text-ui-fg-base" : "text-ui-fg-muted"}
            >
              {value.length ? `${value.length} selected` : placeholder}
            </span>
            <ChevronUpDown className="text-ui-fg-muted" />
          </Button>
        </Popover.Trigger>
        <Popover.Content
          align="start"
          className="z-[100] w-[var(--radix-popover-trigger-width)] p-0"
        >
          <div className="border-b p-2">
            <Input
              size="small"
              placeholder="Search…"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              autoFocus
            />
          </div>
          <div
            className="max-h-64 overflow-y-auto p-1"
            role="listbox"
            aria-multiselectable
          >
            {shown.length === 0 && (
              <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
                {options.length ? "Nothing matches" : "Nothing to choose from"}
              </Text>
            )}
            {shown.map((o) => (
              <label
                key={o.value}
                role="option"
                aria-selected={value.includes(o.value)}
                className="hover:bg-ui-bg-base-hover flex cursor-pointer items-center gap-x-2 rounded-md px-2 py-1.5"
              >
                <Checkbox
                  checked={value.includes(o.value)}
                  onCheckedChange={() => toggle(o.value)}
                />
                <Text size="small" className="truncate">
                  {o.label}
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
              className="bg-ui-bg-component txt-compact-xsmall-plus text-ui-fg-subtle shadow-borders-base inline-flex items-center gap-x-1 rounded-md py-0.5 pl-2 pr-1"
            >
              <span className="max-w-[220px] truncate">
                {labels.get(v) ?? v}
              </span>
              <button
                type="button"
                aria-label={`Remove ${labels.get(v) ?? v}`}
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
