import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Receipt } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo, useRef, useState } from "react"
import { Path, useForm } from "react-hook-form"
import { z } from "zod"
import { MoneyField, PhoneField, SelectField, TextField } from "../../../components/fields"
import { api, idempotencyKey, LoyaltyApiError, useErrorText } from "../../../lib/api"
import { RegisteredPurchase } from "../../../lib/client"
import { irrUnit, useFormat } from "../../../lib/format"
import { useLoyaltyTranslation } from "../../../lib/i18n"
import { useLoyaltyMutation } from "../../../lib/mutation"
import { customerMoneyKeys, loyaltyKeys } from "../../../lib/query"
import { amountSchema, phoneSchema, textSchema } from "../../../lib/schema"
import { useCurrencyName, useRegionCurrencies } from "./components/currencies"
import { PurchaseResult, PurchaseResultProps } from "./components/purchase-result"

const DEFAULT_CURRENCY = "irr"

/** IRR by the unit the shop counts in, as the amount field beside it does. */
const UNIT = { toman: "common.units.toman", rial: "common.units.rial" } as const

/** The form field an API error is about, by its code. */
const FIELD_OF_CODE: Record<string, "phone" | "amount" | "currency_code"> = {
  loyalty_phone_invalid: "phone",
  loyalty_amount_invalid: "amount",
  loyalty_amount_over_max_purchase: "amount",
  loyalty_currency_unknown: "currency_code",
  loyalty_currency_has_no_region: "currency_code",
}

type Body = { phone: string; amount: string; currency_code: string; note?: string }

/**
 * For shops without a till: staff register an in-store purchase by the
 * customer's mobile number; cashback follows the club's rules, and a
 * number the club does not know becomes a member.
 */
const RegisterPurchasePage = () => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const currencyName = useCurrencyName()
  const { display } = useFormat()
  const { data: currencies = [DEFAULT_CURRENCY] } = useRegionCurrencies()

  const schema = useMemo(
    () =>
      z.object({
        phone: phoneSchema(t),
        amount: amountSchema(t),
        currency_code: z.string().min(1, t("common.validation.required")),
        note: textSchema(t, { optional: true, max: 500 }),
      }),
    [t]
  )
  const empty = (currency: string) => ({ phone: "", amount: "", currency_code: currency, note: "" })
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: empty(DEFAULT_CURRENCY),
  })
  const currency = form.watch("currency_code")

  // The store's currencies arrive: keep the chosen one if the store has it.
  useEffect(() => {
    if (!currencies.includes(form.getValues("currency_code"))) {
      form.setValue("currency_code", currencies[0])
    }
  }, [currencies, form])

  // One key per purchase, kept until it is registered: a double click or a
  // retry after a timeout registers it once.
  const [key, setKey] = useState(idempotencyKey)
  const sending = useRef(false)
  const [result, setResult] = useState<PurchaseResultProps | null>(null)

  const register = useLoyaltyMutation({
    mutationFn: ({ body, key }: { body: Body; key: string }) =>
      api<RegisteredPurchase>("/admin/loyalty/purchases", {
        method: "POST",
        body,
        headers: { "Idempotency-Key": key },
      }),
    invalidate: (_, data) => [loyaltyKeys.wallets(), ...customerMoneyKeys(data.purchase.customer_id)],
    success: t("till.purchase.toast"),
    onSuccess: (data, { body }) => {
      setResult({ result: data, currency: body.currency_code, phone: body.phone })
      form.reset(empty(body.currency_code))
      setKey(idempotencyKey())
    },
    onError: (e) => {
      const field = e instanceof LoyaltyApiError && e.code ? FIELD_OF_CODE[e.code] : undefined
      if (field) {
        form.setError(field as Path<z.input<typeof schema>>, { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  const submit = form.handleSubmit((values) => {
    if (sending.current) return
    sending.current = true
    register.mutate(
      {
        key,
        body: {
          phone: values.phone.trim(),
          amount: values.amount,
          currency_code: values.currency_code,
          ...(values.note ? { note: values.note } : {}),
        },
      },
      { onSettled: () => (sending.current = false) }
    )
  })

  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="register-purchase">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">{t("till.purchase.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("till.purchase.description")}
          </Text>
        </div>
        <form onSubmit={submit} noValidate className="flex flex-col gap-y-4 px-6 py-4" data-testid="purchase-form">
          <div className="grid grid-cols-1 gap-4 md:grid-cols-[1fr_1fr_200px]">
            <PhoneField
              control={form.control}
              name="phone"
              id="purchase-phone"
              label={t("till.purchase.phone.label")}
              hint={t("till.purchase.phone.hint")}
              placeholder={t("till.purchase.phone.placeholder")}
            />
            <MoneyField
              control={form.control}
              name="amount"
              id="purchase-amount"
              currency={currency}
              label={t("till.purchase.amount.label")}
              hint={t("till.purchase.amount.hint")}
            />
            {currencies.length > 1 && (
              <SelectField
                control={form.control}
                name="currency_code"
                id="purchase-currency"
                label={t("till.purchase.currency.label")}
                options={currencies.map((c) => ({
                  value: c,
                  label: irrUnit(c, display) ? t(UNIT[display]) : currencyName(c),
                }))}
              />
            )}
          </div>
          <TextField
            control={form.control}
            name="note"
            id="purchase-note"
            label={t("till.purchase.note.label")}
            hint={t("till.purchase.note.hint")}
            placeholder={t("till.purchase.note.placeholder")}
            optional
          />
          <div className="flex justify-end">
            <Button size="small" type="submit" isLoading={register.isPending} data-testid="purchase-submit">
              {t("till.purchase.submit")}
            </Button>
          </div>
        </form>
      </Container>
      {result && <PurchaseResult {...result} />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.registerPurchase",
  translationNs: "loyalty",
  icon: Receipt,
  rank: 5,
})

export default RegisterPurchasePage
