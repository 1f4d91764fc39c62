import { Input, Label, Text } from "@medusajs/ui"
import { ComponentProps, ReactNode } from "react"

/** A labelled control with what it does in a shop owner's words below it. */
export const FormField = ({
  id,
  label,
  hint,
  children,
}: {
  id: string
  label: string
  hint: string
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-1.5">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    {children}
    <Text size="xsmall" className="text-ui-fg-subtle">
      {hint}
    </Text>
  </div>
)

type InputProps = Omit<
  ComponentProps<typeof Input>,
  "id" | "value" | "onChange" | "aria-invalid"
>

/**
 * A FormField holding one text input (a number, an amount, a date...): the
 * input takes the field's id, so the label points at it.
 */
export const InputField = ({
  id,
  label,
  hint,
  value,
  onChange,
  invalid,
  ...inputProps
}: InputProps & {
  id: string
  label: string
  hint: string
  value: string
  onChange: (value: string) => void
  invalid?: boolean
}) => (
  <FormField id={id} label={label} hint={hint}>
    <Input
      id={id}
      {...inputProps}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid || undefined}
    />
  </FormField>
)
