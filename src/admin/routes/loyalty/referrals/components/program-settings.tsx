import { Text } from "@medusajs/ui"
import { ReactNode, useCallback, useMemo } from "react"
import { UseFormReturn, useWatch } from "react-hook-form"
import { Link } from "react-router-dom"
import { ChoiceField, NumberField, PercentField, SwitchField, TextField } from "../../../../components/fields"
import { SettingsCard } from "../../../../components/settings-card"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  ReferralProgramAnswer,
  referralKeys,
  saveReferralProgram,
  useReferralProgram,
} from "../../../../lib/referrals"
import { GiftBatchField } from "../../occasions/components/gift-batch-field"
import { CurrencyAmounts } from "../../pos-keys/components/till-settings/currency-amounts"
import { useShop } from "../../pos-keys/components/till-settings/shop"
import {
  BOUNDS,
  programCurrencies,
  programFieldOfCode,
  programSchema,
  ProgramValues,
  toBody,
  toValues,
} from "./program-form"

/** A part of the programme: its title, what it is for, its fields. */
const Section = ({ title, description, children, testId }: {
  title: string
  description: string
  children: ReactNode
  testId: string
}) => (
  <div className="flex flex-col gap-y-4 border-t pt-4" data-testid={testId}>
    <div>
      <Text size="small" weight="plus">
        {title}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {children}
  </div>
)

/**
 * The referral programme: on or off, the friend's gift (none, a personal
 * code, credit on the first qualifying order), the smallest qualifying
 * order, the referrer's credit and the return window it waits for, an
 * optional bonus on the friend's next orders, the checks against abuse and
 * the share link's address. Saves what changed.
 */
const ProgramCard = ({ currencies, answer }: { currencies: string[]; answer: ReturnType<typeof useReferralProgram> }) => {
  const { t } = useLoyaltyTranslation()
  const { number, display } = useFormat()
  const schema = useMemo(() => programSchema(t, (n) => number(n), display), [display, number, t])
  const values = useCallback((a: ReferralProgramAnswer) => toValues(a, currencies), [currencies])
  const range = (b: { min: number; max: number }) => ({ min: number(b.min), max: number(b.max) })
  const source = useMemo(
    () => ({ query: answer, save: saveReferralProgram, invalidate: [referralKeys.program()] }),
    [answer]
  )
  const days = t("referrals.settings.days")

  return (
    <SettingsCard<ProgramValues, ReferralProgramAnswer>
      title={t("referrals.settings.title")}
      description={t("referrals.settings.description")}
      schema={schema}
      toValues={values}
      toBody={(v) => toBody(v) as never}
      fieldOfCode={programFieldOfCode(currencies)}
      source={source}
      testId="referral-program"
    >
      {(form) => <ProgramFields form={form} currencies={currencies} days={days} range={range} answer={answer.data} />}
    </SettingsCard>
  )
}

const ProgramFields = ({
  form,
  currencies,
  days,
  range,
  answer,
}: {
  form: UseFormReturn<ProgramValues>
  currencies: string[]
  days: string
  range: (b: { min: number; max: number }) => { min: string; max: string }
  answer: ReferralProgramAnswer | undefined
}) => {
  const { t } = useLoyaltyTranslation()
  const control = form.control
  const gift = useWatch({ control, name: "friend_gift_type" })
  return (
    <>
      <SwitchField
        control={control}
        name="enabled"
        id="referral-enabled"
        label={t("referrals.settings.enabled.label")}
        hint={t("referrals.settings.enabled.hint")}
      />

      <Section
        title={t("referrals.settings.friend.title")}
        description={t("referrals.settings.friend.description")}
        testId="referral-friend-gift"
      >
        <ChoiceField
          control={control}
          name="friend_gift_type"
          id="referral-gift"
          label={t("referrals.settings.gift.label")}
          testId="referral-gift"
          choices={[
            { value: "none", label: t("referrals.settings.gift.none"), description: t("referrals.settings.gift.noneHint") },
            { value: "code", label: t("referrals.settings.gift.code"), description: t("referrals.settings.gift.codeHint") },
            { value: "credit", label: t("referrals.settings.gift.credit"), description: t("referrals.settings.gift.creditHint") },
          ]}
        />
        {gift === "code" && (
          <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
            <GiftBatchField
              control={control}
              name="friend_batch_id"
              id="referral-batch"
              current={answer?.program.friend_batch_id ?? null}
              hint={t("referrals.settings.batchHint")}
            />
          </div>
        )}
        {gift === "credit" && (
          <>
            <CurrencyAmounts
              control={control}
              name="friend_credit"
              currencies={currencies}
              idPrefix="referral-friend-credit"
              title={t("referrals.settings.friendCredit.title")}
              description={t("referrals.settings.friendCredit.description")}
              label={t("referrals.settings.friendCredit.label")}
              hint={() => t("referrals.settings.friendCredit.hint")}
            />
            <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
              <NumberField
                control={control}
                name="friend_credit_valid_days"
                id="referral-friend-credit-days"
                label={t("referrals.settings.friendCreditDays.label")}
                hint={t("referrals.settings.friendCreditDays.hint", range(BOUNDS.friend_credit_valid_days))}
                suffix={days}
              />
            </div>
          </>
        )}
        <CurrencyAmounts
          control={control}
          name="min_order_amount"
          currencies={currencies}
          idPrefix="referral-min-order"
          title={t("referrals.settings.minOrder.title")}
          description={t("referrals.settings.minOrder.description")}
          label={t("referrals.settings.minOrder.label")}
          hint={() => t("referrals.settings.minOrder.hint")}
        />
      </Section>

      <Section
        title={t("referrals.settings.referrer.title")}
        description={t("referrals.settings.referrer.description")}
        testId="referral-referrer-reward"
      >
        <CurrencyAmounts
          control={control}
          name="referrer_credit"
          currencies={currencies}
          idPrefix="referral-referrer-credit"
          title={t("referrals.settings.referrerCredit.title")}
          description={t("referrals.settings.referrerCredit.description")}
          label={t("referrals.settings.referrerCredit.label")}
          hint={() => t("referrals.settings.referrerCredit.hint")}
        />
        <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
          <NumberField
            control={control}
            name="hold_days"
            id="referral-hold-days"
            label={t("referrals.settings.holdDays.label")}
            hint={t("referrals.settings.holdDays.hint")}
            suffix={days}
          />
          <NumberField
            control={control}
            name="referrer_credit_valid_days"
            id="referral-referrer-credit-days"
            label={t("referrals.settings.referrerCreditDays.label")}
            hint={t("referrals.settings.referrerCreditDays.hint")}
            suffix={days}
            optional
          />
          <PercentField
            control={control}
            name="referrer_percent"
            id="referral-percent"
            label={t("referrals.settings.percent.label")}
            hint={t("referrals.settings.percent.hint")}
            optional
          />
          <NumberField
            control={control}
            name="referrer_orders"
            id="referral-orders"
            label={t("referrals.settings.orders.label")}
            hint={t("referrals.settings.orders.hint", range(BOUNDS.referrer_orders))}
            suffix={t("referrals.settings.orders.suffix")}
          />
        </div>
      </Section>

      <Section
        title={t("referrals.settings.checks.title")}
        description={t("referrals.settings.checks.description")}
        testId="referral-checks"
      >
        <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
          <NumberField
            control={control}
            name="referrer_monthly_cap"
            id="referral-monthly-cap"
            label={t("referrals.settings.monthlyCap.label")}
            hint={t("referrals.settings.monthlyCap.hint")}
          />
          <NumberField
            control={control}
            name="daily_source_limit"
            id="referral-daily-limit"
            label={t("referrals.settings.dailyLimit.label")}
            hint={t("referrals.settings.dailyLimit.hint")}
          />
          <PercentField
            control={control}
            name="credit_share_hold"
            id="referral-credit-share"
            label={t("referrals.settings.creditShare.label")}
            hint={t("referrals.settings.creditShare.hint")}
          />
        </div>
        <SwitchField
          control={control}
          name="require_verified_phone"
          id="referral-verified-phone"
          label={t("referrals.settings.verifiedPhone.label")}
          hint={t("referrals.settings.verifiedPhone.hint")}
        />
      </Section>

      <Section
        title={t("referrals.settings.sharing.title")}
        description={t("referrals.settings.sharing.description")}
        testId="referral-sharing"
      >
        <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
          <TextField
            control={control}
            name="share_url"
            id="referral-share-url"
            dir="ltr"
            optional
            placeholder={answer?.share_url_default ?? undefined}
            label={t("referrals.settings.shareUrl.label")}
            hint={t("referrals.settings.shareUrl.hint")}
          />
        </div>
        <Link
          to="/loyalty/messages#message-referral_welcome"
          className="txt-compact-small text-ui-fg-interactive self-start hover:underline"
          data-testid="referral-wording"
        >
          {t("referrals.settings.wording")}
        </Link>
      </Section>
    </>
  )
}

/** The programme's panel, once the store's currencies are known. */
export const ProgramSettings = () => {
  const shop = useShop()
  const answer = useReferralProgram()
  const currencies = useMemo(
    () => (shop.data ? programCurrencies(shop.data.currencies, answer.data?.program) : null),
    [answer.data, shop.data]
  )
  return currencies ? <ProgramCard currencies={currencies} answer={answer} /> : null
}
