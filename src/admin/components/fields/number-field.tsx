import { Input, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { Controller, FieldValues } from "react-hook-form"
import { latinDigits, localDigits } from "../../lib/amounts"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { Field } from "./field"
import { fieldId, FieldProps } from "./types"

/** Persian or Arabic-Indic digits and the Persian decimal point as the schema reads them. */
const normalise = (typed: string) => latinDigits(typed).replace("٫", ".").trim()

/**
 * A number of the form (a percentage, days, a count) as typed, in any
 * digits; `suffix` says its unit ("%", "days").
 */
export function NumberField<T extends FieldValues>({
  control,
  name,
  id,
  label,
  hint,
  optional,
  disabled,
  placeholder,
  suffix,
}: FieldProps<T> & { suffix?: ReactNode }) {
  const { language } = useLoyaltyTranslation()
  const inputId = fieldId(name, id)
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field id={inputId} label={label} hint={hint} optional={optional} error={fieldState.error?.message}>
          <div className="flex items-center gap-x-2">
            <Input
              id={inputId}
              ref={field.ref}
              inputMode="decimal"
              dir="ltr"
              className={language === "en" ? "" : "text-right"}
              value={localDigits(String(field.value ?? ""), language)}
              disabled={disabled}
              placeholder={placeholder}
              aria-invalid={fieldState.error ? true : undefined}
              aria-describedby={fieldState.error ? `${inputId}-error` : undefined}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(normalise(e.target.value))}
            />
            {suffix && (
              <Text size="small" className="text-ui-fg-subtle shrink-0">
                {suffix}
              </Text>
            )}
          </div>
        </Field>
      )}
    />
  )
}

/** A percentage field: a NumberField with "%". */
export function PercentField<T extends FieldValues>(props: FieldProps<T>) {
  const { t } = useLoyaltyTranslation()
  return <NumberField {...props} suffix={t("common.units.percent")} />
}
