import { Heading, Text } from "@medusajs/ui"
import { ReactNode } from "react"

/** A widget's heading, what it shows, and its actions at the end. */
export const WidgetHeader = ({
  title,
  description,
  children,
}: {
  title: string
  description: string
  children?: ReactNode
}) => (
  <div className="flex items-start justify-between gap-x-4 px-6 py-4">
    <div className="min-w-0">
      <Heading level="h2">{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {children && <div className="flex flex-wrap items-center justify-end gap-2">{children}</div>}
  </div>
)
