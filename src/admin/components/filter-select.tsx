import { Select } from "@medusajs/ui"
import { ReactNode } from "react"
import { useLoyaltyTranslation } from "../lib/i18n"

// Radix's Select has no empty value: "any" stands for no filter.
const ANY = "any"

/**
 * A list filter: a small select whose first entry ("any ...") means no
 * filter, read as "". Used by the lists' toolbars (transfers, code
 * batches, feedback).
 */
export const FilterSelect = <T extends string>({
  value,
  onChange,
  anyLabel,
  options,
  id,
  ariaLabel,
  testId,
}: {
  value: T | ""
  onChange: (value: T | "") => void
  anyLabel: ReactNode
  options: { value: T; label: ReactNode }[]
  id?: string
  ariaLabel?: string
  testId: string
}) => {
  const { dir } = useLoyaltyTranslation()
  return (
    <Select dir={dir} size="small" value={value || ANY} onValueChange={(v) => onChange(v === ANY ? "" : (v as T))}>
      <Select.Trigger id={id} aria-label={ariaLabel} data-testid={testId}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={ANY}>{anyLabel}</Select.Item>
        {options.map((option) => (
          <Select.Item key={option.value} value={option.value}>
            {option.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
