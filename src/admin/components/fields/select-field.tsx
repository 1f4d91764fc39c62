import { Select } from "@medusajs/ui"
import { Controller, FieldValues } from "react-hook-form"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { Field } from "./field"
import { fieldId, FieldProps } from "./types"

export type SelectOption = { value: string; label: string }

/** One choice among a few, labels already translated. */
export function SelectField<T extends FieldValues>({
  control,
  name,
  id,
  label,
  hint,
  optional,
  disabled,
  placeholder,
  options,
}: FieldProps<T> & { options: SelectOption[] }) {
  const { dir } = useLoyaltyTranslation()
  const inputId = fieldId(name, id)
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field id={inputId} label={label} hint={hint} optional={optional} error={fieldState.error?.message}>
          <Select dir={dir} value={field.value ?? ""} onValueChange={field.onChange} disabled={disabled}>
            <Select.Trigger
              id={inputId}
              ref={field.ref}
              aria-invalid={fieldState.error ? true : undefined}
            >
              <Select.Value placeholder={placeholder} />
            </Select.Trigger>
            <Select.Content>
              {options.map((option) => (
                <Select.Item key={option.value} value={option.value}>
                  {option.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      )}
    />
  )
}
