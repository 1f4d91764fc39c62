import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo, useRef } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import { MoneyField, TextField } from "../fields"
import { FormDrawer } from "../form-drawer"
import { api, idempotencyKey, LoyaltyApiError, useErrorText } from "../../lib/api"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { useLoyaltyMutation } from "../../lib/mutation"
import { customerMoneyKeys, loyaltyKeys } from "../../lib/query"
import { amountSchema, textSchema } from "../../lib/schema"

/** API error codes about the amount. */
const AMOUNT_CODES = new Set(["loyalty_amount_invalid", "loyalty_refund_over_refundable"])

/**
 * Refunds part of an order into the customer's wallet instead of their
 * card. One idempotency key per opened form. Afterwards the order's
 * cashback, the customer's wallet and club card, and Medusa's own order
 * (its payments show the refund) reload.
 */
export const RefundToWalletForm = ({
  orderId,
  customerId,
  currency,
  open,
  onOpenChange,
}: {
  orderId: string
  customerId: string
  currency: string
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const schema = useMemo(
    () => z.object({ amount: amountSchema(t), note: textSchema(t, { optional: true, max: 500 }) }),
    [t]
  )
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { amount: "", note: "" },
  })
  const key = useRef("")

  useEffect(() => {
    if (open) {
      key.current = idempotencyKey()
      form.reset({ amount: "", note: "" })
    }
  }, [form, open])

  const refund = useLoyaltyMutation({
    mutationFn: ({ amount, note }: z.output<typeof schema>) =>
      api(`/admin/loyalty/orders/${orderId}/refund-to-wallet`, {
        method: "POST",
        headers: { "Idempotency-Key": key.current },
        body: note ? { amount, note } : { amount },
      }),
    invalidate: () => [
      loyaltyKeys.order(orderId),
      ...customerMoneyKeys(customerId),
      // Medusa's own order (its payments list the refund).
      ["orders", "detail", orderId],
    ],
    success: t("orders.refund.toast"),
    onSuccess: () => onOpenChange(false),
    onError: (e) => {
      if (e instanceof LoyaltyApiError && e.code && AMOUNT_CODES.has(e.code)) {
        form.setError("amount", { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("orders.refund.title")}
      description={t("orders.refund.description")}
      submitLabel={t("orders.refund.submit")}
      submitting={refund.isPending}
      testId="order-refund-form"
      onSubmit={form.handleSubmit((values) => refund.mutate(values))}
    >
      <MoneyField
        control={form.control}
        name="amount"
        id="order-refund-amount"
        label={t("orders.refund.amount.label")}
        hint={t("orders.refund.amount.hint")}
        currency={currency}
      />
      <TextField
        control={form.control}
        name="note"
        id="order-refund-note"
        rows={3}
        optional
        label={t("orders.refund.note.label")}
        hint={t("orders.refund.note.hint")}
        placeholder={t("orders.refund.note.placeholder")}
      />
    </FormDrawer>
  )
}
