import { Input, Text } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { FieldValues } from "react-hook-form"
import { groupDigits, localDigits, plainDecimal } from "../../lib/amounts"
import {
  irrUnit,
  MoneyDisplay,
  toApiAmount,
  toDisplayAmount,
  UNIT_KEY,
  useFormat,
} from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { persianWords } from "../../lib/words"
import { ControlledField } from "./controlled"
import { FieldProps } from "./types"

const DECIMAL = /^\d+(\.\d+)?$/

type MoneyInputProps = {
  id: string
  value: string
  onChange: (apiAmount: string) => void
  onBlur?: () => void
  currency: string
  display: MoneyDisplay
  invalid?: boolean
  disabled?: boolean
  placeholder?: string
}

/**
 * An amount typed as shop staff write it ("1,000,000", "۱٬۰۰۰٬۰۰۰") in the
 * shop's unit (Toman or Rial for IRR). The form holds the API amount (IRR in
 * Rial) as a plain decimal string; what cannot be read stays as typed, so
 * the form's schema refuses it at the field.
 */
export const MoneyInput = ({
  id,
  value,
  onChange,
  onBlur,
  currency,
  display,
  invalid,
  disabled,
  placeholder,
}: MoneyInputProps) => {
  const { t, language } = useLoyaltyTranslation()
  const toText = (api: string | undefined) =>
    api && DECIMAL.test(api)
      ? localDigits(groupDigits(toDisplayAmount(api, currency, display)), language)
      : api ?? ""
  const [text, setText] = useState(() => toText(value))
  const sent = useRef(value)

  const push = (typed: string) => {
    const plain = plainDecimal(typed)
    const api =
      plain === "" ? "" : DECIMAL.test(plain) ? toApiAmount(plain, currency, display) : typed
    sent.current = api
    onChange(api)
  }

  // A reset or a value set by the form: show it.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value
      setText(toText(value))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value])

  // Another currency or unit: what is typed means another API amount.
  const unitKey = `${currency}:${display}`
  const lastUnit = useRef(unitKey)
  useEffect(() => {
    if (lastUnit.current !== unitKey) {
      lastUnit.current = unitKey
      push(text)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unitKey])

  const unit = irrUnit(currency, display)
  return (
    <div className="flex items-center gap-x-2">
      <Input
        id={id}
        inputMode="decimal"
        dir="ltr"
        className={language === "en" ? "" : "text-right"}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onBlur={onBlur}
        onChange={(e) => {
          setText(e.target.value)
          push(e.target.value)
        }}
      />
      <Text size="small" className="text-ui-fg-subtle shrink-0" data-unit>
        {unit ? t(UNIT_KEY[unit]) : <bdi dir="ltr">{currency.toUpperCase()}</bdi>}
      </Text>
    </div>
  )
}

/** In Persian, the amount in words under the field ("یک میلیون تومان"). */
export const AmountInWords = ({
  amount,
  currency,
  display,
}: {
  amount: string
  currency: string
  display: MoneyDisplay
}) => {
  const { t, language } = useLoyaltyTranslation()
  const unit = irrUnit(currency, display)
  if (language !== "fa" || !unit || !DECIMAL.test(amount ?? "")) {
    return null
  }
  const words = persianWords(toDisplayAmount(amount, currency, display))
  return words ? (
    <Text size="xsmall" className="text-ui-fg-base" data-amount-words>
      {words} {t(UNIT_KEY[unit])}
    </Text>
  ) : null
}

/** A money field of a form: label, amount in the shop's unit, words, error. */
export function MoneyField<T extends FieldValues>(props: FieldProps<T> & { currency: string }) {
  const { display, displayKnown } = useFormat()
  const { currency, disabled, placeholder } = props
  return (
    <ControlledField
      props={props}
      below={(value) => <AmountInWords amount={value} currency={currency} display={display} />}
      render={({ field, a11y, invalid }) => (
        // Toman or Rial decides what a typed amount means: wait for it.
        <MoneyInput
          key={displayKnown ? "known" : "loading"}
          id={a11y.id}
          value={field.value ?? ""}
          onChange={field.onChange}
          onBlur={field.onBlur}
          currency={currency}
          display={display}
          invalid={invalid}
          disabled={disabled || !displayKnown}
          placeholder={placeholder}
        />
      )}
    />
  )
}
