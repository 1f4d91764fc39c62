import { Input, Textarea } from "@medusajs/ui"
import { FieldValues } from "react-hook-form"
import { ControlledField } from "./controlled"
import { FieldProps } from "./types"

/** Text in one line, or several with `rows`; `dir="ltr"` for codes and Latin text. */
export function TextField<T extends FieldValues>(
  props: FieldProps<T> & { rows?: number; dir?: "ltr" | "rtl" | "auto" }
) {
  const { rows, dir, disabled, placeholder } = props
  return (
    <ControlledField
      props={props}
      render={({ field, a11y }) => {
        const common = {
          ...a11y,
          name: field.name,
          value: field.value ?? "",
          onBlur: field.onBlur,
          onChange: (e: { target: { value: string } }) => field.onChange(e.target.value),
          disabled,
          placeholder,
          dir: dir ?? "auto",
        }
        return rows ? <Textarea {...common} rows={rows} /> : <Input {...common} ref={field.ref} />
      }}
    />
  )
}
