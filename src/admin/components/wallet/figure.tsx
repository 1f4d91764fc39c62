import { Text } from "@medusajs/ui"
import { ReactNode } from "react"

/** One labelled figure of a widget (a balance, a count): label, value, an optional line under it. */
export const Figure = ({
  label,
  hint,
  testId,
  children,
}: {
  label: string
  hint?: string
  testId?: string
  children: ReactNode
}) => (
  <div className="flex min-w-0 flex-col gap-y-0.5" data-testid={testId}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    {children}
    {hint && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
  </div>
)
