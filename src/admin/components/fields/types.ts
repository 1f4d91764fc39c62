import { Control, FieldPath, FieldValues } from "react-hook-form"
import { FieldLabels } from "./field"

/** What every form field takes: the form's control, the value's name, the words. */
export type FieldProps<T extends FieldValues> = FieldLabels & {
  control: Control<T>
  name: FieldPath<T>
  /** The element id; defaults to the name. */
  id?: string
  disabled?: boolean
  placeholder?: string
}

export const fieldId = (name: string, id?: string) =>
  id ?? `loyalty-${name.replace(/[^a-zA-Z0-9]+/g, "-")}`
