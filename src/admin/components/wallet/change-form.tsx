import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo, useRef } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import { DateField, MoneyField, SelectField, TextField } from "../fields"
import { FormDrawer } from "../form-drawer"
import { api, idempotencyKey, LoyaltyApiError, useErrorText } from "../../lib/api"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { useLoyaltyMutation } from "../../lib/mutation"
import { customerMoneyKeys } from "../../lib/query"
import { amountSchema, textSchema } from "../../lib/schema"
import { Wallet } from "./types"
import { useStoreCurrencies } from "../../lib/query"

export type ChangeMode = "credit" | "debit"

const COPY = {
  credit: {
    title: "wallet.form.credit.title",
    description: "wallet.form.credit.description",
    submit: "wallet.form.credit.submit",
    toast: "wallet.toast.credited",
  },
  debit: {
    title: "wallet.form.debit.title",
    description: "wallet.form.debit.description",
    submit: "wallet.form.debit.submit",
    toast: "wallet.toast.debited",
  },
} as const

/** API error codes that are about one field of this form. */
const FIELD_OF_CODE = {
  loyalty_amount_invalid: "amount",
  loyalty_insufficient_balance: "amount",
  loyalty_expires_at_invalid: "expires_at",
  loyalty_currency_unknown: "currency",
} as const

/**
 * Adds credit to a wallet or deducts it, with the reason staff give; a
 * first credit opens the wallet in the chosen currency. One idempotency key
 * per opened form: a double click or a retried request changes the balance
 * once. Afterwards the wallet, its history and the customer's club card and
 * tier reload.
 */
export const WalletChangeForm = ({
  customerId,
  wallet,
  mode,
  open,
  onOpenChange,
  onDone,
}: {
  customerId: string
  wallet: Wallet | undefined
  mode: ChangeMode
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (wallet: Wallet) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const currencies = useStoreCurrencies(open && !wallet)
  const schema = useMemo(
    () =>
      z.object({
        currency: z.string().min(1, t("common.validation.required")),
        amount: amountSchema(t),
        note: textSchema(t, { max: 500 }),
        expires_at: z
          .string()
          .refine((v) => v === "" || new Date(v).getTime() > Date.now(), t("wallet.form.expiresAt.future")),
      }),
    [t]
  )
  type Values = z.output<typeof schema>
  const form = useForm<z.input<typeof schema>, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { currency: "", amount: "", note: "", expires_at: "" },
  })
  const key = useRef("")

  const defaultCurrency = wallet?.currency_code ?? currencies.data?.[0] ?? ""
  useEffect(() => {
    if (open) {
      key.current = idempotencyKey()
      form.reset({ currency: wallet?.currency_code ?? "", amount: "", note: "", expires_at: "" })
    }
    // Each time the form opens, and only then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  useEffect(() => {
    if (open && !form.getValues("currency") && defaultCurrency) {
      form.setValue("currency", defaultCurrency)
    }
  }, [open, form, defaultCurrency])

  const change = useLoyaltyMutation({
    mutationFn: async (values: Values) => {
      const target =
        wallet ??
        (
          await api<{ wallet: Wallet }>("/admin/loyalty/wallets", {
            method: "POST",
            body: { customer_id: customerId, currency_code: values.currency },
          })
        ).wallet
      return api<{ wallet: Wallet }>(`/admin/loyalty/wallets/${target.id}/${mode}`, {
        method: "POST",
        headers: { "Idempotency-Key": key.current },
        body: {
          amount: values.amount,
          note: values.note,
          ...(mode === "credit" && values.expires_at ? { expires_at: values.expires_at } : {}),
        },
      })
    },
    invalidate: () => customerMoneyKeys(customerId),
    success: t(COPY[mode].toast),
    onSuccess: (data) => {
      onOpenChange(false)
      onDone(data.wallet)
    },
    onError: (e) => {
      const field =
        e instanceof LoyaltyApiError && e.code
          ? FIELD_OF_CODE[e.code as keyof typeof FIELD_OF_CODE]
          : undefined
      if (field) {
        form.setError(field, { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  const currency = form.watch("currency") || defaultCurrency
  const copy = COPY[mode]
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t(copy.title)}
      description={t(copy.description)}
      submitLabel={t(copy.submit)}
      submitting={change.isPending}
      testId="wallet-change-form"
      onSubmit={form.handleSubmit((values) => change.mutate(values))}
    >
      {!wallet && (
        <SelectField
          control={form.control}
          name="currency"
          id="wallet-currency"
          label={t("wallet.form.currency.label")}
          hint={t("wallet.form.currency.hint")}
          options={(currencies.data ?? []).map((c) => ({ value: c, label: c.toUpperCase() }))}
        />
      )}
      {currency && (
        <MoneyField
          control={form.control}
          name="amount"
          id="wallet-amount"
          label={t("wallet.form.amount.label")}
          currency={currency}
        />
      )}
      <TextField
        control={form.control}
        name="note"
        id="wallet-note"
        rows={3}
        label={t("wallet.form.note.label")}
        hint={t("wallet.form.note.hint")}
        placeholder={t("wallet.form.note.placeholder")}
      />
      {mode === "credit" && (
        <DateField
          control={form.control}
          name="expires_at"
          id="wallet-expires-at"
          optional
          label={t("wallet.form.expiresAt.label")}
          hint={t("wallet.form.expiresAt.hint")}
        />
      )}
    </FormDrawer>
  )
}
