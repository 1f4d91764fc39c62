import { Input, Textarea } from "@medusajs/ui"
import { Controller, FieldValues } from "react-hook-form"
import { Field } from "./field"
import { fieldId, FieldProps } from "./types"

/** Text in one line, or several with `rows`; `dir="ltr"` for codes and Latin text. */
export function TextField<T extends FieldValues>({
  control,
  name,
  id,
  label,
  hint,
  optional,
  disabled,
  placeholder,
  rows,
  dir,
}: FieldProps<T> & { rows?: number; dir?: "ltr" | "rtl" | "auto" }) {
  const inputId = fieldId(name, id)
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const common = {
          id: inputId,
          name: field.name,
          value: field.value ?? "",
          onBlur: field.onBlur,
          disabled,
          placeholder,
          dir: dir ?? "auto",
          "aria-invalid": fieldState.error ? true : undefined,
          "aria-describedby": fieldState.error ? `${inputId}-error` : undefined,
        }
        return (
          <Field id={inputId} label={label} hint={hint} optional={optional} error={fieldState.error?.message}>
            {rows ? (
              <Textarea {...common} rows={rows} onChange={(e) => field.onChange(e.target.value)} />
            ) : (
              <Input {...common} ref={field.ref} onChange={(e) => field.onChange(e.target.value)} />
            )}
          </Field>
        )
      }}
    />
  )
}
