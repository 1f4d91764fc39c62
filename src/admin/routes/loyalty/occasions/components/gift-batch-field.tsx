import { Text } from "@medusajs/ui"
import { Control } from "react-hook-form"
import { Link } from "react-router-dom"
import { useDiscountText } from "../../../../components/codes/discount-text"
import { SelectField } from "../../../../components/fields"
import { Data } from "../../../../components/ltr"
import { usePersonalBatches } from "../../../../lib/codes"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { fill, slot } from "../../cashback-rules/components/sentence"
import { OccasionValues } from "./occasion-form"

/**
 * The personal batch (template) an occasion's codes come from: the active
 * ones, and the one chosen before even if it was disabled since.
 */
export const GiftBatchField = ({
  control,
  id,
  current,
}: {
  control: Control<OccasionValues>
  id: string
  current: string | null
}) => {
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
      name="batch_id"
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
          t("occasions.form.batch.hint")
        )
      }
      options={options}
    />
  )
}
