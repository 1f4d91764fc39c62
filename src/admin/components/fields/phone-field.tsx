import { Input } from "@medusajs/ui"
import { FieldValues } from "react-hook-form"
import { latinDigits } from "../../lib/amounts"
import { ControlledField } from "./controlled"
import { FieldProps } from "./types"

/** A phone number, typed in any digits, always left to right. */
export function PhoneField<T extends FieldValues>(props: FieldProps<T>) {
  return (
    <ControlledField
      props={props}
      render={({ field, a11y }) => (
        <Input
          {...a11y}
          ref={field.ref}
          type="tel"
          dir="ltr"
          autoComplete="off"
          value={field.value ?? ""}
          disabled={props.disabled}
          placeholder={props.placeholder}
          onBlur={field.onBlur}
          onChange={(e) => field.onChange(latinDigits(e.target.value))}
        />
      )}
    />
  )
}
