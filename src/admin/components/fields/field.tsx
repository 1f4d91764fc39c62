import { Hint, Label, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { useLoyaltyTranslation } from "../../lib/i18n"

export type FieldLabels = {
  /** The label, already translated. */
  label: string
  /** What the field does, in a shop owner's words, already translated. */
  hint?: ReactNode
  optional?: boolean
}

/**
 * A labelled control: label (and "Optional"), the control, what it does,
 * and its error in words right under it. Every field component uses it.
 */
export const Field = ({
  id,
  label,
  hint,
  optional,
  error,
  below,
  children,
}: FieldLabels & {
  id: string
  error?: string
  /** Extra line under the control (an amount in words). */
  below?: ReactNode
  children: ReactNode
}) => {
  const { t } = useLoyaltyTranslation()
  return (
    <div className="flex flex-col gap-y-1.5" data-field={id}>
      <Label htmlFor={id} size="small" weight="plus">
        {label}
        {optional && (
          <span className="text-ui-fg-muted font-normal">
            {" "}
            ({t("common.states.optional")})
          </span>
        )}
      </Label>
      {children}
      {below}
      {hint && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
      {error && (
        <Hint variant="error" id={`${id}-error`} role="alert">
          {error}
        </Hint>
      )}
    </div>
  )
}
