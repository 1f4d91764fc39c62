import { DatePicker } from "@medusajs/ui"
import { FieldValues } from "react-hook-form"
import { ControlledField } from "./controlled"
import { FieldProps } from "./types"

function sameAtGranularity(current: string | undefined, next: string, withTime?: boolean) {
  if (!current || !next) return current === next || (!current && !next)
  const a = new Date(current)
  const b = new Date(next)
  const day = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`
  return withTime
    ? Math.floor(a.getTime() / 60000) === Math.floor(b.getTime() / 60000)
    : day(a) === day(b)
}

/**
 * A date (and time with `withTime`) kept by the form as an ISO instant ("" for
 * none). Medusa's date picker takes the admin's locale from the dashboard,
 * so in Persian it shows and picks the Jalali calendar with Persian digits.
 */
export function DateField<T extends FieldValues>(props: FieldProps<T> & { withTime?: boolean }) {
  const { withTime, disabled } = props
  return (
    <ControlledField
      props={props}
      render={({ field, a11y }) => (
        <div id={a11y.id} data-date-field>
          <DatePicker
            granularity={withTime ? "minute" : "day"}
            value={field.value ? new Date(field.value) : null}
            onChange={(date) => {
              // The picker reports its value again when it mounts, at the
              // start of the day (or minute): keep a stored instant unless
              // another day (or minute) was picked.
              const next = date ? date.toISOString() : ""
              if (!sameAtGranularity(field.value, next, withTime)) {
                field.onChange(next)
              }
            }}
            isDisabled={disabled}
            aria-invalid={a11y["aria-invalid"]}
          />
        </div>
      )}
    />
  )
}
