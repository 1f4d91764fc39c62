import { zodResolver } from "@hookform/resolvers/zod"
import { Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Resolver, useForm } from "react-hook-form"
import { Link } from "react-router-dom"
import { z } from "zod"
import { fill, isolate, slot } from "../../routes/loyalty/cashback-rules/components/sentence"
import { api, LoyaltyApiError, useErrorText } from "../../lib/api"
import { BATCHES, codeKeys, usePersonalBatches } from "../../lib/codes"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { useLoyaltyMutation } from "../../lib/mutation"
import { SelectField } from "../fields"
import { FormDrawer } from "../form-drawer"
import { Data } from "../ltr"
import { useDiscountText } from "../codes/discount-text"

type Values = { batch_id: string }

/** Gives the customer a personal code from a personal batch (template) staff pick. */
export const GiveCodeForm = ({
  customerId,
  open,
  onOpenChange,
}: {
  customerId: string
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const discountText = useDiscountText()
  const { data: batches, isPending } = usePersonalBatches(open)
  const active = (batches ?? []).filter((b) => b.status === "active")
  const schema = useMemo(
    () => z.object({ batch_id: z.string().min(1, t("occasions.customer.give.batchRequired")) }),
    [t]
  )
  const form = useForm<Values>({
    resolver: zodResolver(schema as never) as unknown as Resolver<Values>,
    defaultValues: { batch_id: "" },
  })

  const give = useLoyaltyMutation({
    mutationFn: ({ batch_id }: Values) =>
      api<{ code: { id: string; code: string } }>(`${BATCHES}/${batch_id}/codes`, {
        method: "POST",
        body: { customer_id: customerId },
      }),
    invalidate: () => [codeKeys.gifts(customerId), codeKeys.all()],
    success: ({ code }) => t("occasions.customer.give.done", { code: isolate(code.code) }),
    onSuccess: () => {
      form.reset({ batch_id: "" })
      onOpenChange(false)
    },
    onError: (error) => {
      if (error instanceof LoyaltyApiError && error.code?.startsWith("loyalty_code_batch")) {
        form.setError("batch_id", { message: errorText(error) }, { shouldFocus: true })
        return true
      }
    },
  })

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("occasions.customer.give.title")}
      description={t("occasions.customer.give.description")}
      onSubmit={form.handleSubmit((v) => give.mutate(v))}
      submitting={give.isPending}
      submitLabel={t("occasions.customer.give.submit")}
      testId="give-code-form"
    >
      <SelectField
        control={form.control}
        name="batch_id"
        id="give-code-batch"
        label={t("occasions.customer.give.batch")}
        placeholder={t("occasions.form.batch.placeholder")}
        options={active.map((b) => ({
          value: b.id,
          label: fill(t("occasions.customer.give.option", { name: slot("name"), discount: slot("discount") }), {
            name: <Data>{b.name}</Data>,
            discount: discountText(b, b.target),
          }),
        }))}
      />
      {!isPending && !active.length && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("occasions.form.batch.none")}{" "}
          <Link to="/loyalty/codes" className="text-ui-fg-interactive hover:underline">
            {t("occasions.form.batch.create")}
          </Link>
        </Text>
      )}
    </FormDrawer>
  )
}
