import { Label, Switch, Text } from "@medusajs/ui"

/** An on/off choice: its label and hint beside the switch. */
export const SwitchRow = ({
  id,
  label,
  hint,
  checked,
  disabled,
  onCheckedChange,
  invalid,
}: {
  id: string
  label: string
  hint: string
  checked: boolean
  disabled?: boolean
  onCheckedChange: (checked: boolean) => void
  invalid?: boolean
}) => (
  <div className="flex items-start justify-between gap-x-6">
    <div>
      <Label
        htmlFor={id}
        size="small"
        weight="plus"
        className={disabled ? "text-ui-fg-disabled" : undefined}
      >
        {label}
      </Label>
      <Text
        size="xsmall"
        className={invalid ? "text-ui-fg-error" : "text-ui-fg-subtle"}
      >
        {hint}
      </Text>
    </div>
    <Switch
      id={id}
      checked={checked}
      disabled={disabled}
      onCheckedChange={onCheckedChange}
      aria-invalid={invalid || undefined}
    />
  </div>
)
