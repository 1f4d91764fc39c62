import { zodResolver } from "@hookform/resolvers/zod"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { Resolver, useForm, useWatch } from "react-hook-form"
import { Link } from "react-router-dom"
import { NumberField, SelectField, SwitchField } from "../../../../components/fields"
import { LoyaltyApiError, useErrorText } from "../../../../lib/api"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import {
  Occasion,
  OCCASION_DESCRIPTION,
  OCCASION_EVENT,
  OCCASION_LABEL,
  occasionKeys,
  saveOccasion,
} from "../../../../lib/occasions"
import { loyaltyKeys } from "../../../../lib/query"
import { CurrencyAmounts } from "../../pos-keys/components/till-settings/currency-amounts"
import { GiftBatchField } from "./gift-batch-field"
import { changedBody, dayField, fieldOfCode, occasionSchema, OccasionValues, toValues } from "./occasion-form"
import { OccasionStats } from "./occasion-stats"

const DAY_LABEL = {
  birthday: { label: "occasions.form.daysBefore.label", hint: "occasions.form.daysBefore.hint" },
  win_back: { label: "occasions.form.winBackDays.label", hint: "occasions.form.winBackDays.hint" },
  welcome: { label: "occasions.form.welcomeDays.label", hint: "occasions.form.welcomeDays.hint" },
} as const

/**
 * One occasion: on or off, when it is sent, its gift (none, a personal code
 * from a template, or credit per currency with its expiry), what it did this
 * year, and a link to its SMS wording. Saves only what changed.
 */
export const OccasionCard = ({ occasion, currencies }: { occasion: Occasion; currencies: string[] }) => {
  const { t } = useLoyaltyTranslation()
  const { number, display } = useFormat()
  const errorText = useErrorText()
  const { kind } = occasion
  const values = useMemo(() => toValues(occasion, currencies), [currencies, occasion])
  const schema = useMemo(() => occasionSchema(kind, t, (n) => number(n), display), [display, kind, number, t])
  const form = useForm<OccasionValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<OccasionValues>,
    defaultValues: values,
  })
  useEffect(() => form.reset(values), [form, values])
  const [enabled, giftType] = useWatch({ control: form.control, name: ["enabled", "gift_type"] })
  const field = dayField(kind)
  const days = kind === "birthday" || kind === "win_back" || kind === "welcome" ? DAY_LABEL[kind] : null

  const save = useLoyaltyMutation({
    mutationFn: saveOccasion,
    // The win-back days were a setting: the settings read them too.
    invalidate: () => [occasionKeys.all(), loyaltyKeys.settings()],
    success: t("occasions.toast.saved", { name: t(OCCASION_LABEL[kind]) }),
    onError: (error) => {
      const at = error instanceof LoyaltyApiError ? fieldOfCode(error.code, form.getValues()) : undefined
      if (at) {
        form.setError(at, { message: errorText(error) }, { shouldFocus: true })
        return true
      }
    },
  })

  const submit = form.handleSubmit((next) => {
    const body = changedBody(kind, next, values)
    if (Object.keys(body).length) save.mutate({ kind, body })
  })

  return (
    <Container
      className="divide-y p-0"
      data-testid="occasion"
      data-kind={kind}
      data-enabled={String(occasion.enabled)}
    >
      <form onSubmit={submit} noValidate>
        <div className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row">
          <div className="flex min-w-0 flex-col gap-y-1">
            <Heading level="h2">{t(OCCASION_LABEL[kind])}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t(OCCASION_DESCRIPTION[kind])}
            </Text>
          </div>
          {occasion.stats && <OccasionStats stats={occasion.stats} />}
        </div>
        <div className="flex flex-col gap-y-4 border-t px-6 py-4">
          <SwitchField
            control={form.control}
            name="enabled"
            id={`occasion-${kind}-enabled`}
            label={t("occasions.form.enabled")}
            hint={enabled ? t("occasions.form.enabledOn") : t("occasions.form.enabledOff")}
          />
          <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-2">
            {field && days && (
              <NumberField
                control={form.control}
                name={field}
                id={`occasion-${kind}-days`}
                label={t(days.label)}
                hint={t(days.hint)}
                suffix={t("occasions.form.days")}
              />
            )}
            <SelectField
              control={form.control}
              name="gift_type"
              id={`occasion-${kind}-gift`}
              label={t("occasions.form.gift.label")}
              options={[
                { value: "none", label: t("occasions.form.gift.none") },
                { value: "code", label: t("occasions.form.gift.code") },
                { value: "credit", label: t("occasions.form.gift.credit") },
              ]}
            />
            {giftType === "code" && (
              <GiftBatchField control={form.control} name="batch_id" id={`occasion-${kind}-batch`} current={occasion.batch_id} />
            )}
            {giftType === "credit" && (
              <NumberField
                control={form.control}
                name="credit_valid_days"
                id={`occasion-${kind}-credit-days`}
                label={t("occasions.form.creditDays.label")}
                hint={t("occasions.form.creditDays.hint")}
                suffix={t("occasions.form.days")}
                optional
              />
            )}
          </div>
          {giftType === "credit" && (
            <CurrencyAmounts
              control={form.control}
              name="credit_amount"
              currencies={Object.keys(values.credit_amount)}
              idPrefix={`occasion-${kind}-credit`}
              title={t("occasions.form.credit.title")}
              description={t("occasions.form.credit.description")}
              label={t("occasions.form.credit.label")}
              hint={() => t("occasions.form.credit.hint")}
            />
          )}
        </div>
        <div className="flex items-center justify-between gap-x-3 border-t px-6 py-3">
          <Link
            to={`/loyalty/messages#message-${OCCASION_EVENT[kind]}`}
            className="txt-compact-small text-ui-fg-interactive hover:underline"
            data-testid="occasion-wording"
          >
            {t("occasions.form.wording")}
          </Link>
          <Button type="submit" size="small" isLoading={save.isPending} data-testid={`occasion-${kind}-save`}>
            {t("common.actions.save")}
          </Button>
        </div>
      </form>
    </Container>
  )
}
