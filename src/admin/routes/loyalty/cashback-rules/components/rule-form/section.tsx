import { Heading, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { Control } from "react-hook-form"
import { RuleValues } from "./form-state"

/** What every section of the rule form gets. */
export type SectionProps = { control: Control<RuleValues> }

/** A titled group of the rule form's fields. */
export const Section = ({
  title,
  description,
  children,
  testId,
}: {
  title: string
  description?: string
  children: ReactNode
  testId?: string
}) => (
  <section className="flex flex-col gap-y-4" data-testid={testId}>
    <div className="flex flex-col gap-y-1 border-b pb-2">
      <Heading level="h2">{title}</Heading>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
    {children}
  </section>
)

/** Two fields side by side (one under the other on a narrow screen). */
export const Pair = ({ children }: { children: ReactNode }) => (
  <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">{children}</div>
)
