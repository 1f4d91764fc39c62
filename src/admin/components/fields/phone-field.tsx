import { Input } from "@medusajs/ui"
import { Controller, FieldValues } from "react-hook-form"
import { latinDigits } from "../../lib/amounts"
import { Field } from "./field"
import { fieldId, FieldProps } from "./types"

/** A phone number, typed in any digits, always left to right. */
export function PhoneField<T extends FieldValues>({
  control,
  name,
  id,
  label,
  hint,
  optional,
  disabled,
  placeholder,
}: FieldProps<T>) {
  const inputId = fieldId(name, id)
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field id={inputId} label={label} hint={hint} optional={optional} error={fieldState.error?.message}>
          <Input
            id={inputId}
            ref={field.ref}
            type="tel"
            dir="ltr"
            autoComplete="off"
            value={field.value ?? ""}
            disabled={disabled}
            placeholder={placeholder}
            aria-invalid={fieldState.error ? true : undefined}
            aria-describedby={fieldState.error ? `${inputId}-error` : undefined}
            onBlur={field.onBlur}
            onChange={(e) => field.onChange(latinDigits(e.target.value))}
          />
        </Field>
      )}
    />
  )
}
