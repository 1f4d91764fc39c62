import { Label, Switch, Text } from "@medusajs/ui"
import { Controller, FieldValues } from "react-hook-form"
import { fieldId, FieldProps } from "./types"

/** An on/off setting: the switch beside its label and what it does. */
export function SwitchField<T extends FieldValues>({
  control,
  name,
  id,
  label,
  hint,
  disabled,
}: FieldProps<T>) {
  const inputId = fieldId(name, id)
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <div className="flex items-start gap-x-3" data-field={inputId}>
          {/* Medusa's switch slides its knob by a left-to-right offset: keep it LTR. */}
          <span dir="ltr" className="flex pt-0.5">
            <Switch
              id={inputId}
              ref={field.ref}
              checked={!!field.value}
              onCheckedChange={field.onChange}
              disabled={disabled}
            />
          </span>
          <div className="flex flex-col gap-y-0.5">
            <Label htmlFor={inputId} size="small" weight="plus">
              {label}
            </Label>
            {hint && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {hint}
              </Text>
            )}
          </div>
        </div>
      )}
    />
  )
}
