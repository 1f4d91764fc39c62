import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { Control, FieldPath, FieldValues } from "react-hook-form"
import { MoneyField } from "../../../../../components/fields"

/**
 * A setting with an amount per currency (largest purchase, welcome
 * credit): its title and what it does, then one money field per currency,
 * in the shop's unit (Toman or Rial for IRR).
 */
export function CurrencyAmounts<T extends FieldValues>({
  control,
  name,
  currencies,
  idPrefix,
  title,
  description,
  label,
  hint,
  placeholder,
}: {
  control: Control<T>
  /** The record of amounts by currency code in the form. */
  name: string
  currencies: string[]
  idPrefix: string
  title: string
  description: string
  label: string
  hint: (currency: string) => ReactNode
  placeholder?: (currency: string) => string
}) {
  return (
    <div className="flex flex-col gap-y-3" data-testid={idPrefix}>
      <div>
        <Text size="small" weight="plus">
          {title}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-x-6 gap-y-3 md:grid-cols-3">
        {currencies.map((currency) => (
          <MoneyField
            key={currency}
            control={control}
            name={`${name}.${currency}` as FieldPath<T>}
            id={`${idPrefix}-${currency}`}
            currency={currency}
            label={label}
            hint={hint(currency)}
            placeholder={placeholder?.(currency)}
            optional
          />
        ))}
      </div>
    </div>
  )
}
