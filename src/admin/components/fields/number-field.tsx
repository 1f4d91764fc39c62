import { Input, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { FieldValues } from "react-hook-form"
import { latinDigits, localDigits } from "../../lib/amounts"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { ControlledField } from "./controlled"
import { FieldProps } from "./types"

/** Persian or Arabic-Indic digits and the Persian decimal point as the schema reads them. */
const normalise = (typed: string) => latinDigits(typed).replace("٫", ".").trim()

/**
 * A number of the form (a percentage, days, a count) as typed, in any
 * digits and shown in the admin's; `suffix` says its unit ("%", "days").
 */
export function NumberField<T extends FieldValues>(props: FieldProps<T> & { suffix?: ReactNode }) {
  const { language } = useLoyaltyTranslation()
  return (
    <ControlledField
      props={props}
      render={({ field, a11y }) => (
        <div className="flex items-center gap-x-2">
          <Input
            {...a11y}
            ref={field.ref}
            inputMode="decimal"
            dir="ltr"
            className={language === "en" ? "" : "text-right"}
            value={localDigits(String(field.value ?? ""), language)}
            disabled={props.disabled}
            placeholder={props.placeholder}
            onBlur={field.onBlur}
            onChange={(e) => field.onChange(normalise(e.target.value))}
          />
          {props.suffix && (
            <Text size="small" className="text-ui-fg-subtle shrink-0">
              {props.suffix}
            </Text>
          )}
        </div>
      )}
    />
  )
}

/** A percentage field: a NumberField with "%". */
export function PercentField<T extends FieldValues>(props: FieldProps<T>) {
  const { t } = useLoyaltyTranslation()
  return <NumberField {...props} suffix={t("common.units.percent")} />
}
