import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Receipt } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  Input,
  Label,
  Select,
  Text,
  Textarea,
} from "@medusajs/ui"
import { FormEvent, ReactNode, useEffect, useRef, useState } from "react"
import { Link } from "react-router-dom"
import { plainDecimal as decimal } from "../../../lib/amounts"
import {
  errorMessage,
  formatDate,
  formatMoney,
  newIdempotencyKey,
  RegisteredPurchase,
  sdk,
  sumDecimals,
} from "../../../lib/client"
import { ClubCardFigures } from "../../../lib/club-card"
import { fieldInMessage } from "../../../lib/settings-form"

const DEFAULT_CURRENCY = "irr"

async function loadCurrencies() {
  const { regions } = await sdk.client
    .fetch<{ regions: { currency_code: string }[] }>("/admin/regions", {
      query: { fields: "currency_code", limit: 100 },
    })
    .catch(() => ({ regions: [] as { currency_code: string }[] }))
  return Array.from(
    new Set(regions.map((r) => r.currency_code.toLowerCase()))
  ).sort()
}

// Field names as the API spells them in its messages.
const MESSAGE_FIELDS = ["currency_code", "amount", "phone", "note"] as const

type FormState = {
  phone: string
  amount: string
  currency_code: string
  note: string
}

const emptyForm = (currency: string): FormState => ({
  phone: "",
  amount: "",
  currency_code: currency,
  note: "",
})

const RegisterPurchasePage = () => {
  const [currencies, setCurrencies] = useState<string[]>([DEFAULT_CURRENCY])
  const [state, setState] = useState<FormState>(() =>
    emptyForm(DEFAULT_CURRENCY)
  )
  // Made when the form opens and kept until a purchase is registered: a
  // double click or a retry after a timeout registers the purchase once.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const [result, setResult] = useState<RegisteredPurchase | null>(null)
  const [resultCurrency, setResultCurrency] = useState(DEFAULT_CURRENCY)
  const [customerName, setCustomerName] = useState<string | null>(null)

  useEffect(() => {
    loadCurrencies().then((list) => {
      if (!list.length) return
      setCurrencies(list)
      setState((s) =>
        list.includes(s.currency_code) ? s : { ...s, currency_code: list[0] }
      )
    })
  }, [])

  // The field a message names first ("phone (abc) is not a valid ...").
  const badField = error ? fieldInMessage(error, MESSAGE_FIELDS) : null
  const invalid = (field: keyof FormState) => badField === field || undefined

  // Editing the field the API complained about clears its message.
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }))
    if (badField && badField === key) {
      setError(null)
    }
  }

  const amount = decimal(state.amount)
  const amountShown =
    amount && /^\d+(\.\d+)?$/.test(amount)
      ? formatMoney(amount, state.currency_code)
      : null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (sending.current) return
    sending.current = true
    setError(null)
    setBusy(true)
    try {
      const registered = await sdk.client.fetch<RegisteredPurchase>(
        "/admin/loyalty/purchases",
        {
          method: "POST",
          headers: { "Idempotency-Key": idempotencyKey },
          body: {
            phone: state.phone.trim(),
            amount,
            currency_code: state.currency_code,
            ...(state.note.trim() ? { note: state.note.trim() } : {}),
          },
        }
      )
      setResult(registered)
      setResultCurrency(state.currency_code)
      setCustomerName(null)
      sdk.client
        .fetch<{
          customer: {
            first_name: string | null
            last_name: string | null
            email: string | null
            phone: string | null
          }
        }>(`/admin/customers/${registered.purchase.customer_id}`, {
          query: { fields: "id,first_name,last_name,email,phone" },
        })
        .then(({ customer }) =>
          setCustomerName(
            [customer.first_name, customer.last_name]
              .filter(Boolean)
              .join(" ") ||
              customer.phone ||
              customer.email
          )
        )
        .catch(() => {})
      setState(emptyForm(state.currency_code))
      setIdempotencyKey(newIdempotencyKey())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      sending.current = false
      setBusy(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Register purchase</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            For shops without a till: a purchase in the shop, by the
            customer's mobile number. Cashback is credited by the club's
            rules and the customer gets their SMS. A number the club does not
            know yet becomes a new member.
          </Text>
        </div>
        <form
          onSubmit={submit}
          className="flex flex-col gap-y-4 px-6 py-4"
          data-testid="purchase-form"
        >
          <div className="grid grid-cols-1 gap-4 md:grid-cols-[1fr_1fr_140px]">
            <Field
              id="purchase-phone"
              label="Mobile number"
              hint={
                <>
                  Any form: 0912 123 4567, +98 912 123 4567,{" "}
                  <bdi>۰۹۱۲۱۲۳۴۵۶۷</bdi>.
                </>
              }
            >
              <Input
                id="purchase-phone"
                type="tel"
                autoComplete="off"
                value={state.phone}
                onChange={(e) => set("phone", e.target.value)}
                placeholder="0912 123 4567"
                aria-invalid={invalid("phone")}
              />
            </Field>
            <Field
              id="purchase-amount"
              label={`Amount (${state.currency_code.toUpperCase()})`}
              hint={
                amountShown
                  ? `${amountShown}: what the customer paid.`
                  : "What the customer paid."
              }
            >
              <Input
                id="purchase-amount"
                inputMode="decimal"
                autoComplete="off"
                value={state.amount}
                onChange={(e) => set("amount", e.target.value)}
                placeholder="5,000,000"
                aria-invalid={invalid("amount")}
              />
            </Field>
            <Field id="purchase-currency" label="Currency" hint="The store's.">
              <Select
                value={state.currency_code}
                onValueChange={(v) => {
                  // Inside a form, Radix keeps a hidden <select>; when the
                  // value changes (the store's currencies arriving) before
                  // its option is rendered there, it reports "" as if
                  // chosen. Only the items are choices.
                  if (currencies.includes(v)) {
                    set("currency_code", v)
                  }
                }}
              >
                <Select.Trigger
                  id="purchase-currency"
                  aria-invalid={invalid("currency_code")}
                >
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {currencies.map((c) => (
                    <Select.Item key={c} value={c}>
                      {c.toUpperCase()}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
          </div>
          <Field
            id="purchase-note"
            label="Note (optional)"
            hint="Kept with the purchase, e.g. the paper receipt's number."
          >
            <Textarea
              id="purchase-note"
              rows={2}
              value={state.note}
              onChange={(e) => set("note", e.target.value)}
              placeholder="Receipt 1042"
              aria-invalid={invalid("note")}
            />
          </Field>
          {error && (
            <Text
              size="small"
              weight="plus"
              className="text-ui-fg-error [overflow-wrap:anywhere]"
              data-testid="purchase-error"
              role="alert"
            >
              {error}
            </Text>
          )}
          <div className="flex justify-end">
            <Button
              size="small"
              type="submit"
              isLoading={busy}
              disabled={!state.phone.trim() || !amount}
              data-testid="purchase-submit"
            >
              Register purchase
            </Button>
          </div>
        </form>
      </Container>

      {result && (
        <Container className="divide-y p-0" data-testid="purchase-result">
          <Registered
            result={result}
            currency={resultCurrency}
            customerName={customerName}
          />
        </Container>
      )}
    </div>
  )
}

const Registered = ({
  result,
  currency,
  customerName,
}: {
  result: RegisteredPurchase
  currency: string
  customerName: string | null
}) => {
  const { purchase, cashback, club_card } = result
  const later = cashback.filter(
    (c) => c.available_at && new Date(c.available_at) > new Date()
  )
  return (
    <>
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="min-w-0">
          <div className="flex items-center gap-x-2">
            <Heading level="h2">Purchase registered</Heading>
            {purchase.new_member && (
              <Badge size="2xsmall" color="green" data-testid="purchase-new-member">
                New member
              </Badge>
            )}
          </div>
          <Text
            size="small"
            weight="plus"
            className="mt-1"
            data-testid="purchase-cashback"
          >
            {cashback.length
              ? `Cashback credited: ${formatMoney(
                  sumDecimals(cashback.map((c) => c.amount)),
                  currency
                )}`
              : "Cashback credited: no cashback rule applied"}
          </Text>
          {cashback.map((c, i) => (
            <Text key={i} size="xsmall" className="text-ui-fg-subtle">
              {cashback.length > 1 || !c.note
                ? `${formatMoney(c.amount, currency)}${c.note ? ` · ${c.note}` : ""}`
                : c.note}
              {c.available_at && new Date(c.available_at) > new Date()
                ? ` · available from ${formatDate(c.available_at)}`
                : ""}
            </Text>
          ))}
          {later.length > 0 && (
            <Text size="xsmall" className="text-ui-fg-muted">
              Pending cashback can be spent once it is available.
            </Text>
          )}
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link
            to={`/customers/${purchase.customer_id}`}
            data-testid="purchase-customer-link"
          >
            {customerName ? `Open ${customerName}` : "Open customer"}
          </Link>
        </Button>
      </div>
      <div className="px-6 py-4">
        <Text size="small" weight="plus" className="mb-3">
          Club card
        </Text>
        <ClubCardFigures card={club_card} />
      </div>
    </>
  )
}

const Field = ({
  id,
  label,
  hint,
  children,
}: {
  id: string
  label: string
  hint: ReactNode
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-1.5">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    {children}
    <Text size="xsmall" className="text-ui-fg-subtle">
      {hint}
    </Text>
  </div>
)

export const config = defineRouteConfig({
  label: "Register purchase",
  icon: Receipt,
})

export default RegisterPurchasePage
