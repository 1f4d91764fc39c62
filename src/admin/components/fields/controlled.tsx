import { ReactNode } from "react"
import {
  Controller,
  ControllerRenderProps,
  FieldPath,
  FieldValues,
} from "react-hook-form"
import { Field } from "./field"
import { fieldId, FieldProps } from "./types"

/** What a field's control gets: the form's value and handlers, and its accessibility props. */
export type ControlProps<T extends FieldValues> = {
  field: ControllerRenderProps<T, FieldPath<T>>
  /** id, aria-invalid and aria-describedby for the control element. */
  a11y: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }
  invalid: boolean
}

/**
 * The one place a form value meets its field: react-hook-form's Controller
 * around the label, hint and error (`Field`), the control drawn by `render`.
 * Every field component of this folder is a `ControlledField`.
 */
export function ControlledField<T extends FieldValues>({
  props: { control, name, id, label, hint, optional },
  render,
  below,
}: {
  props: FieldProps<T>
  render: (control: ControlProps<T>) => ReactNode
  /** A line under the control drawn from the value (an amount in words). */
  below?: (value: any) => ReactNode
}) {
  const inputId = fieldId(name, id)
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const invalid = !!fieldState.error
        return (
          <Field
            id={inputId}
            label={label}
            hint={hint}
            optional={optional}
            error={fieldState.error?.message}
            below={below?.(field.value)}
          >
            {render({
              field,
              invalid,
              a11y: {
                id: inputId,
                "aria-invalid": invalid || undefined,
                "aria-describedby": invalid ? `${inputId}-error` : undefined,
              },
            })}
          </Field>
        )
      }}
    />
  )
}
