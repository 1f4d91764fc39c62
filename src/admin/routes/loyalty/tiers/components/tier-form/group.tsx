import { Text } from "@medusajs/ui"
import { ReactNode } from "react"

/** A part of the tier form below a rule, titled, with what it is for. */
export const Group = ({
  title,
  description,
  children,
}: {
  title: string
  description: string
  children: ReactNode
}) => (
  <section className="flex flex-col gap-y-4 border-t pt-6">
    <div>
      <Text size="small" weight="plus">
        {title}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {children}
  </section>
)
