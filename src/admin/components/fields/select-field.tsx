import { Select } from "@medusajs/ui"
import { ReactNode } from "react"
import { FieldValues } from "react-hook-form"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { ControlledField } from "./controlled"
import { FieldProps } from "./types"

/** A choice; its label already translated (a node for data: a name in its own isolate). */
export type SelectOption = { value: string; label: ReactNode }

/** One choice among a few, labels already translated. */
export function SelectField<T extends FieldValues>(
  props: FieldProps<T> & { options: SelectOption[] }
) {
  const { dir } = useLoyaltyTranslation()
  return (
    <ControlledField
      props={props}
      render={({ field, a11y }) => (
        <Select dir={dir} value={field.value ?? ""} onValueChange={field.onChange} disabled={props.disabled}>
          <Select.Trigger {...a11y} ref={field.ref}>
            <Select.Value placeholder={props.placeholder} />
          </Select.Trigger>
          <Select.Content>
            {props.options.map((option) => (
              <Select.Item key={option.value} value={option.value}>
                {option.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      )}
    />
  )
}
