import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { Control, FieldPath, FieldValues } from "react-hook-form"
import { Link } from "react-router-dom"
import { useDiscountText } from "../../../../components/codes/discount-text"
import { SelectField } from "../../../../components/fields"
import { Data } from "../../../../components/ltr"
import { usePersonalBatches } from "../../../../lib/codes"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { fill, slot } from "../../cashback-rules/components/sentence"

/**
 * The personal batch (template) an occasion's (or a referred friend's)
 * codes come from: the active ones, and the one chosen before even if it
 * was disabled since.
 */
export function GiftBatchField<T extends FieldValues>({
  control,
  name,
  id,
  current,
  hint,
}: {
  control: Control<T>
  name: FieldPath<T>
  id: string
  current: string | null
  /** What the batch is for, already translated; the occasions' words when omitted. */
  hint?: ReactNode
}) {
  const { t } = useLoyaltyTranslation()
  const discountText = useDiscountText()
  const { data: batches, isPending } = usePersonalBatches()
  const options = (batches ?? [])
    .filter((b) => b.status === "active" || b.id === current)
    .map((b) => ({
      value: b.id,
      label:
        b.status === "active"
          ? fill(t("occasions.customer.give.option", { name: slot("name"), discount: slot("discount") }), {
              name: <Data>{b.name}</Data>,
              discount: discountText(b, b.target),
            })
          : fill(t("occasions.form.batch.disabled", { name: slot("name") }), { name: <Data>{b.name}</Data> }),
    }))
  return (
    <SelectField
      control={control}
      name={name}
      id={id}
      label={t("occasions.form.batch.label")}
      placeholder={t("occasions.form.batch.placeholder")}
      hint={
        !isPending && !options.length ? (
          <Text size="xsmall" as="span">
            {t("occasions.form.batch.none")}{" "}
            <Link to="/loyalty/codes" className="text-ui-fg-interactive hover:underline">
              {t("occasions.form.batch.create")}
            </Link>
          </Text>
        ) : (
          hint ?? t("occasions.form.batch.hint")
        )
      }
      options={options}
    />
  )
}
