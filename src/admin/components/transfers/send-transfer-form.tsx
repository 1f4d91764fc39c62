import { zodResolver } from "@hookform/resolvers/zod"
import { Text } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { Path, useForm } from "react-hook-form"
import { z } from "zod"
import { MoneyField, PhoneField, SelectField, TextField } from "../fields"
import { FormDrawer } from "../form-drawer"
import { Amount } from "../wallet/amount"
import { useCustomerWallets } from "../wallet/use-wallet"
import { idempotencyKey, LoyaltyApiError, useErrorText } from "../../lib/api"
import { irrUnit, useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { useLoyaltyMutation } from "../../lib/mutation"
import { customerMoneyKeys, useLoyaltySettings } from "../../lib/query"
import { amountSchema, phoneSchema, textSchema } from "../../lib/schema"
import { personName, sendTransfer, SendTransferBody, transfersRootKey } from "../../lib/transfers"
import { CustomerPickerField, PickedCustomer } from "./customer-picker"

type Field = "customer_id" | "currency_code" | "amount" | "phone" | "message"

/** The form field an API error is about, by its code. */
const FIELD_OF_CODE: Record<string, Field> = {
  loyalty_customer_not_found: "customer_id",
  loyalty_customer_has_no_wallet: "currency_code",
  loyalty_wallet_not_found: "currency_code",
  loyalty_wallet_frozen: "currency_code",
  loyalty_currency_unknown: "currency_code",
  loyalty_amount_invalid: "amount",
  loyalty_insufficient_balance: "amount",
  loyalty_transfer_over_max_amount: "amount",
  loyalty_transfer_daily_limit: "amount",
  loyalty_phone_invalid: "phone",
  loyalty_transfer_own_phone: "phone",
  loyalty_transfer_phone_not_served: "phone",
}

const UNIT = { toman: "common.units.toman", rial: "common.units.rial" } as const

// The sender's words travel in the recipient's SMS: the API takes 140.
const MESSAGE_MAX = 140

/**
 * Sends part of a member's spendable credit to a mobile number on their
 * behalf (at the counter, on the phone). From a customer's page the member
 * is fixed; on the Transfers page the admin picks one. One Idempotency-Key
 * per filled form: a double click or a retry sends once.
 */
export const SendTransferForm = ({
  open,
  onOpenChange,
  customer: fixed,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The member who sends, when the form opens from their page. */
  customer?: PickedCustomer
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const { display, number } = useFormat()
  const { data: settings } = useLoyaltySettings()
  const [picked, setPicked] = useState<PickedCustomer | null>(fixed ?? null)
  const sender = fixed ?? picked

  const schema = useMemo(
    () =>
      z.object({
        customer_id: z.string().min(1, t("transfers.send.customer.required")),
        currency_code: z.string().min(1, t("common.validation.required")),
        amount: amountSchema(t),
        phone: phoneSchema(t),
        message: textSchema(t, { optional: true, max: MESSAGE_MAX }),
      }),
    [t]
  )
  type Input = z.input<typeof schema>
  const empty = (): Input => ({
    customer_id: fixed?.id ?? "",
    currency_code: "",
    amount: "",
    phone: "",
    message: "",
  })
  const form = useForm<Input, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: empty(),
  })

  // The sender's wallets: what they can send, per currency.
  const senderId = sender?.id ?? ""
  const wallets = useCustomerWallets(senderId)
  const usable = useMemo(
    () => (senderId ? wallets.data ?? [] : []).filter((w) => w.status === "active"),
    [senderId, wallets.data]
  )
  const currency = form.watch("currency_code")
  const wallet = usable.find((w) => w.currency_code === currency)

  // A fresh form, and a fresh key, each time it opens.
  const [key, setKey] = useState(idempotencyKey)
  const sending = useRef(false)
  useEffect(() => {
    if (open) {
      form.reset(empty())
      setPicked(fixed ?? null)
      setKey(idempotencyKey())
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  // The sender's first wallet, unless one of theirs is chosen (after the
  // reset above when the form opens).
  useEffect(() => {
    if (usable.length && !usable.some((w) => w.currency_code === form.getValues("currency_code"))) {
      form.setValue("currency_code", usable[0].currency_code)
    }
  }, [form, open, usable])

  const send = useLoyaltyMutation({
    mutationFn: sendTransfer,
    invalidate: ({ body }) => [transfersRootKey(), ...customerMoneyKeys(body.customer_id)],
    success: (_, { body }) => t("transfers.send.toast", { phone: `\u2066${body.phone}\u2069` }),
    onSuccess: () => onOpenChange(false),
    onError: (e) => {
      const field = e instanceof LoyaltyApiError && e.code ? FIELD_OF_CODE[e.code] : undefined
      if (field) {
        form.setError(field as Path<Input>, { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  const submit = form.handleSubmit((values) => {
    if (sending.current) return
    sending.current = true
    const body: SendTransferBody = {
      customer_id: values.customer_id,
      currency_code: values.currency_code,
      amount: values.amount,
      phone: values.phone.trim(),
      ...(values.message ? { message: values.message } : {}),
    }
    send.mutate({ body, key }, { onSettled: () => (sending.current = false) })
  })

  const senderName = fixed ? personName(fixed) || fixed.email || fixed.phone || "" : ""

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("transfers.send.title")}
      description={
        fixed
          ? t("transfers.send.descriptionFor", { name: `\u2068${senderName}\u2069` })
          : t("transfers.send.description")
      }
      onSubmit={submit}
      submitting={send.isPending}
      submitLabel={t("transfers.send.submit")}
      testId="transfer-form"
    >
      {settings && !settings.transfers_enabled && (
        <Text size="small" className="text-ui-fg-error" role="alert" data-testid="transfer-form-off">
          {t("transfers.send.off")}
        </Text>
      )}
      {!fixed && (
        <CustomerPickerField
          control={form.control}
          name="customer_id"
          id="transfer-customer"
          label={t("transfers.send.customer.label")}
          placeholder={t("transfers.send.customer.placeholder")}
          picked={picked}
          onPick={(customer) => {
            setPicked(customer)
            form.setValue("currency_code", "")
          }}
        />
      )}
      {sender && wallets.isSuccess && usable.length === 0 && (
        <Text size="small" className="text-ui-fg-error" role="alert" data-testid="transfer-no-wallet">
          {t("transfers.send.noWallet")}
        </Text>
      )}
      {usable.length > 1 && (
        <SelectField
          control={form.control}
          name="currency_code"
          id="transfer-currency"
          label={t("transfers.send.currency")}
          options={usable.map((w) => ({
            value: w.currency_code,
            label: irrUnit(w.currency_code, display) ? t(UNIT[display]) : w.currency_code.toUpperCase(),
          }))}
        />
      )}
      <MoneyField
        control={form.control}
        name="amount"
        id="transfer-amount"
        currency={currency || usable[0]?.currency_code || "irr"}
        label={t("transfers.send.amount.label")}
        hint={
          wallet ? (
            <span data-testid="transfer-spendable">
              {t("transfers.send.amount.spendable")}{" "}
              <Amount amount={wallet.balance.available} currency={wallet.currency_code} />
            </span>
          ) : (
            t("transfers.send.amount.hint")
          )
        }
      />
      <PhoneField
        control={form.control}
        name="phone"
        id="transfer-phone"
        label={t("transfers.send.phone.label")}
        hint={t("transfers.send.phone.hint", {
          days: settings ? t("transfers.send.phone.days", {
                count: settings.transfer_claim_days,
                n: number(settings.transfer_claim_days),
              }) : "",
        })}
        placeholder={t("transfers.send.phone.placeholder")}
      />
      <TextField
        control={form.control}
        name="message"
        id="transfer-message"
        label={t("transfers.send.message.label")}
        hint={t("transfers.send.message.hint")}
        rows={2}
        optional
      />
    </FormDrawer>
  )
}
