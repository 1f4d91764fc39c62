import { Input, Text } from "@medusajs/ui"
import { groupDigits, plainDecimal } from "../../../../../lib/amounts"
import {
  FieldError,
  SettingField,
  SettingSwitch,
} from "../../../../../lib/settings-form"
import { Draft, errorTestId, maxPurchaseDefault, SectionProps } from "./draft"

/**
 * At the till: whether spending credit takes the member's SMS code, and the
 * largest purchase, per currency.
 */
export const TillSection = ({
  draft,
  errors,
  change,
  setDraft,
  errorCurrency,
}: SectionProps & {
  /** Sets the draft without touching the errors. */
  setDraft: (draft: Draft) => void
  /** The currency whose maximum the API refused. */
  errorCurrency: string | null
}) => (
  <div className="flex flex-col gap-y-4 px-6 py-4">
    <Text size="small" weight="plus">
      At the till
    </Text>
    <SettingSwitch
      id="till-redeem-requires-code"
      weight="plus"
      label="Ask for the member's SMS code to spend their credit"
      hint="On: before a till spends a member's credit, the member reads out the code texted to their phone, so knowing someone's number is not enough. Off: the phone number alone lets a till spend the balance."
      checked={draft.pos_redeem_requires_code}
      onCheckedChange={(v) =>
        change({ pos_redeem_requires_code: v }, "pos_redeem_requires_code")
      }
      error={errors.pos_redeem_requires_code}
      errorTestId={errorTestId("pos_redeem_requires_code")}
    />
    <div className="flex flex-col gap-y-2">
      <div>
        <Text size="small" weight="plus">
          Largest single purchase
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          A till or Register purchase refuses a bigger amount, so a typo or a
          forged amount cannot earn a fortune in cashback. Type it as you read
          it: 50,000,000,000 or <bdi>۵۰٬۰۰۰٬۰۰۰٬۰۰۰</bdi>.
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-x-6 gap-y-3 md:grid-cols-3">
        {Object.keys(draft.pos_max_purchase).map((currency) => {
          const code = currency.toUpperCase()
          const invalid =
            !!errors.pos_max_purchase && errorCurrency === currency
          return (
            <SettingField
              key={currency}
              id={`till-max-purchase-${currency}`}
              label={`In ${code}`}
              hint={`Empty: ${groupDigits(maxPurchaseDefault(currency))} ${code}.`}
              error={invalid ? errors.pos_max_purchase : undefined}
              errorTestId={errorTestId("pos_max_purchase")}
            >
              <Input
                id={`till-max-purchase-${currency}`}
                size="small"
                dir="ltr"
                inputMode="decimal"
                autoComplete="off"
                placeholder={groupDigits(maxPurchaseDefault(currency))}
                value={draft.pos_max_purchase[currency]}
                onChange={(e) =>
                  change(
                    {
                      pos_max_purchase: {
                        ...draft.pos_max_purchase,
                        [currency]: e.target.value,
                      },
                    },
                    "pos_max_purchase"
                  )
                }
                onBlur={(e) => {
                  // Shown back with separators, as it will be read.
                  const amount = plainDecimal(e.target.value)
                  if (/^\d+(\.\d+)?$/.test(amount)) {
                    setDraft({
                      ...draft,
                      pos_max_purchase: {
                        ...draft.pos_max_purchase,
                        [currency]: groupDigits(amount),
                      },
                    })
                  }
                }}
                aria-invalid={invalid || undefined}
              />
            </SettingField>
          )
        })}
      </div>
      {errors.pos_max_purchase &&
        !Object.keys(draft.pos_max_purchase).length && (
          <FieldError
            error={errors.pos_max_purchase}
            testId={errorTestId("pos_max_purchase")}
          />
        )}
    </div>
  </div>
)
