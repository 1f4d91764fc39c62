import { Heading, Text } from "@medusajs/ui"
import { ReactNode } from "react"

/** One titled part of a form, with an optional line on what it is for. */
export const FormSection = ({
  title,
  description,
  children,
}: {
  title: string
  description?: string
  children: ReactNode
}) => (
  <section className="flex flex-col gap-y-4">
    <div>
      <Heading level="h3">{title}</Heading>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
    {children}
  </section>
)
