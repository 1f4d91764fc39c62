import { RadioGroup } from "@medusajs/ui"
import { FieldValues } from "react-hook-form"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { ControlledField } from "./controlled"
import { FieldProps } from "./types"

export type Choice = { value: string; label: string; description: string }

/**
 * One choice among a few, each with what it means, as Medusa's choice
 * boxes show them (release, combination, clawback). `testId` marks the
 * group, and each box as `<testId>-<value>`.
 */
export function ChoiceField<T extends FieldValues>(
  props: FieldProps<T> & { choices: Choice[]; testId?: string }
) {
  const { dir } = useLoyaltyTranslation()
  const { choices, testId, disabled } = props
  return (
    <ControlledField
      props={props}
      render={({ field, a11y }) => (
        <RadioGroup
          id={a11y.id}
          ref={field.ref}
          value={field.value}
          onValueChange={field.onChange}
          disabled={disabled}
          // Radix lays the group out left to right unless told the direction.
          dir={dir}
          className={`grid gap-3 ${choices.length === 3 ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}
          data-testid={testId}
        >
          {choices.map((choice) => (
            <RadioGroup.ChoiceBox
              key={choice.value}
              value={choice.value}
              label={choice.label}
              description={choice.description}
              // Medusa's choice box aligns its description left in any direction.
              className="[&_span]:!text-start"
              data-testid={testId ? `${testId}-${choice.value}` : undefined}
            />
          ))}
        </RadioGroup>
      )}
    />
  )
}
