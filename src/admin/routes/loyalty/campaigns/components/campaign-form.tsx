import { zodResolver } from "@hookform/resolvers/zod"
import { Text } from "@medusajs/ui"
import { useEffect, useMemo, useRef } from "react"
import { Control, useForm, useWatch } from "react-hook-form"
import {
  ChoiceField,
  DateField,
  MoneyField,
  NumberField,
  PercentField,
  SelectField,
  TextField,
} from "../../../../components/fields"
import { FormModal } from "../../../../components/form-drawer"
import { Data } from "../../../../components/ltr"
import { LoyaltyApiError, useErrorText } from "../../../../lib/api"
import { Campaign, CAMPAIGN_VARIABLES, campaignKeys, CampaignKind, saveCampaign } from "../../../../lib/campaigns"
import { MessageLocale } from "../../../../lib/client"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  dirOf,
  LOCALE_LABEL,
  renderSample,
  sampleValues,
  smsLength,
  templateParts,
  useStoreName,
  VARIABLE_LABEL,
} from "../../../../lib/messages"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { useLoyaltySettings } from "../../../../lib/query"
import { segmentKeys, useSegmentChoices } from "../../../../lib/segments"
import { isolate } from "../../cashback-rules/components/sentence"
import { GiftBatchField } from "../../occasions/components/gift-batch-field"
import {
  bodiesOf,
  campaignBody,
  campaignSchema,
  campaignValues,
  CampaignValues,
  fieldOfCode,
  giftOf,
} from "./campaign-values"
import { PreviewPanel } from "./preview-panel"

/** The opt-out line promotional messages end with, as the server adds it when the shop sets none. */
export const DEFAULT_OPT_OUT_LINE: Record<MessageLocale, string> = { fa: "لغو۱۱", en: "Reply STOP to opt out" }

const LONGEST_FIRST_NAME: Record<MessageLocale, string> = { fa: "عبدالرحیم", en: "Christopher" }

/** "2 SMS · 84 characters" for a wording as a recipient would get it (sample values, opt-out line). */
const PartCounter = ({ locale, body }: { locale: MessageLocale; body: string }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const { data: settings } = useLoyaltySettings()
  const { data: storeName } = useStoreName()
  if (!body.trim()) return null
  // The longest plausible first name, as the server's preview measures
  // (src/utils/campaigns.ts PLAUSIBLE_LONGEST), so both count the same parts.
  const sample = {
    ...sampleValues(locale, {
      money_display: settings?.money_display ?? "toman",
      time_zone: settings?.time_zone ?? "Asia/Tehran",
      store_name: settings?.store_name ?? storeName ?? "",
    }),
    first_name: LONGEST_FIRST_NAME[locale],
  }
  const line = settings?.sms_opt_out_line?.[locale] || DEFAULT_OPT_OUT_LINE[locale]
  const text = `${renderSample(templateParts(body, CAMPAIGN_VARIABLES, sample))}\n${line}`
  const { characters, parts, unicode } = smsLength(text)
  return (
    <Text size="xsmall" className="text-ui-fg-muted" data-testid={`campaign-parts-${locale}`} data-parts={parts}>
      {t(unicode ? "campaigns.form.partsUnicode" : "campaigns.form.parts", {
        characters: number(characters),
        parts: number(parts),
      })}
    </Text>
  )
}

/** The wording in both languages, the variables as chips put where the cursor is. */
const Wording = ({ control, setBody }: { control: Control<CampaignValues>; setBody: (locale: MessageLocale, text: string) => void }) => {
  const { t } = useLoyaltyTranslation()
  const [fa, en] = useWatch({ control, name: ["body_fa", "body_en"] })
  const last = useRef<MessageLocale>("fa")
  const insert = (variable: string) => {
    const locale = last.current
    const el = document.getElementById(`campaign-body-${locale}`) as HTMLTextAreaElement | null
    const current = (locale === "fa" ? fa : en) ?? ""
    const token = `{${variable}}`
    const start = el?.selectionStart ?? current.length
    const end = el?.selectionEnd ?? current.length
    setBody(locale, current.slice(0, start) + token + current.slice(end))
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(start + token.length, start + token.length)
    })
  }
  return (
    <div className="flex flex-col gap-y-3" data-testid="campaign-wording">
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {t("campaigns.form.wording")}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("campaigns.form.wordingHint")}
        </Text>
      </div>
      <div className="flex flex-wrap gap-1.5" data-testid="campaign-variables">
        {CAMPAIGN_VARIABLES.map((v) => (
          <button
            key={v}
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => insert(v)}
            title={VARIABLE_LABEL[v] ? t(VARIABLE_LABEL[v]) : v}
            className="txt-compact-xsmall-plus bg-ui-tag-neutral-bg text-ui-tag-neutral-text border-ui-tag-neutral-border hover:bg-ui-tag-neutral-bg-hover rounded-md border px-1.5 py-0.5"
            data-testid="campaign-variable"
            data-variable={v}
          >
            {VARIABLE_LABEL[v] ? t(VARIABLE_LABEL[v]) : <bdi dir="ltr">{v}</bdi>}
          </button>
        ))}
      </div>
      {(["fa", "en"] as const).map((locale) => (
        <div key={locale} className="flex flex-col gap-y-1" onFocus={() => (last.current = locale)}>
          <TextField
            control={control}
            name={locale === "fa" ? "body_fa" : "body_en"}
            id={`campaign-body-${locale}`}
            rows={4}
            dir={dirOf(locale)}
            optional
            label={t("campaigns.form.bodyIn", { language: t(LOCALE_LABEL[locale]) })}
          />
          <PartCounter locale={locale} body={(locale === "fa" ? fa : en) ?? ""} />
        </div>
      ))}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("campaigns.form.optOutNote")}
      </Text>
    </div>
  )
}

/** A campaign or an automation, created or edited in a full-screen form beside its preview. */
export const CampaignForm = ({
  kind,
  campaign,
  currencies,
  open,
  onOpenChange,
  onSaved,
}: {
  kind: CampaignKind
  campaign: Campaign | null
  currencies: string[]
  open: boolean
  onOpenChange: (open: boolean) => void
  onSaved?: (campaign: Campaign) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const errorText = useErrorText()
  const { data: settings } = useLoyaltySettings()
  const timeZone = settings?.time_zone
  const { data: segments } = useSegmentChoices()
  const schema = useMemo(() => campaignSchema(kind, t, number, timeZone), [kind, number, t, timeZone])
  const defaults = useMemo(() => campaignValues(campaign, currencies, timeZone), [campaign, currencies, timeZone])
  const form = useForm<CampaignValues>({ resolver: zodResolver(schema), defaultValues: defaults })
  useEffect(() => {
    if (open) form.reset(defaults)
  }, [defaults, form, open])
  const values = useWatch({ control: form.control }) as CampaignValues
  const [giftType, when] = [values.gift_type ?? "none", values.when ?? "now"]

  const save = useLoyaltyMutation({
    mutationFn: (v: CampaignValues) => saveCampaign(campaign?.id ?? null, campaignBody(v, kind, timeZone)),
    invalidate: () => [campaignKeys.all(), segmentKeys.all()],
    success: ({ campaign: saved }) => t("campaigns.toast.saved", { name: isolate(saved.name) }),
    onSuccess: ({ campaign: saved }) => {
      onOpenChange(false)
      onSaved?.(saved)
    },
    onError: (e, v) => {
      const field = e instanceof LoyaltyApiError ? fieldOfCode(e.code, v) : undefined
      if (field) {
        form.setError(field, { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  const automation = kind === "automation"
  return (
    <FormModal
      open={open}
      onOpenChange={onOpenChange}
      title={
        automation
          ? campaign ? t("campaigns.form.editAutomation") : t("campaigns.form.createAutomation")
          : campaign ? t("campaigns.form.editTitle") : t("campaigns.form.createTitle")
      }
      description={automation ? t("campaigns.form.automationDescription") : t("campaigns.form.description")}
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
      submitting={save.isPending}
      submitLabel={campaign ? t("common.actions.save") : t("campaigns.form.saveDraft")}
      testId="campaign-form"
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField control={form.control} name="name" id="campaign-name" label={t("campaigns.form.name")} />
        <SelectField
          control={form.control}
          name="segment_id"
          id="campaign-segment"
          label={t("campaigns.form.segment")}
          placeholder={t("campaigns.form.segmentPlaceholder")}
          hint={automation ? t("campaigns.form.segmentHintAutomation") : t("campaigns.form.segmentHint")}
          options={(segments ?? []).map((s) => ({ value: s.id, label: <Data>{s.name}</Data> }))}
        />
      </div>
      <Wording
        control={form.control}
        setBody={(locale, text) =>
          form.setValue(locale === "fa" ? "body_fa" : "body_en", text, {
            shouldDirty: true,
            shouldValidate: form.formState.isSubmitted,
          })
        }
      />
      <div className="flex flex-col gap-y-3 border-t pt-4" data-testid="campaign-gift">
        <ChoiceField
          control={form.control}
          name="gift_type"
          id="campaign-gift-type"
          label={t("campaigns.form.gift")}
          testId="campaign-gift-type"
          choices={[
            { value: "none", label: t("campaigns.gift.none"), description: t("campaigns.gift.noneHint") },
            { value: "code", label: t("campaigns.gift.code"), description: t("campaigns.gift.codeHint") },
            { value: "credit", label: t("campaigns.gift.credit"), description: t("campaigns.gift.creditHint") },
          ]}
        />
        {giftType === "code" && (
          <GiftBatchField
            control={form.control}
            name="batch_id"
            id="campaign-batch"
            current={campaign?.gift?.type === "code" ? campaign.gift.batch_id : null}
            hint={t("campaigns.gift.batchHint")}
          />
        )}
        {giftType === "credit" && (
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {Object.keys(values.credit_amount ?? {}).map((currency) => (
              <MoneyField
                key={currency}
                control={form.control}
                name={`credit_amount.${currency}`}
                id={`campaign-credit-${currency}`}
                currency={currency}
                optional={Object.keys(values.credit_amount ?? {}).length > 1}
                label={t("campaigns.gift.amount")}
              />
            ))}
            <NumberField
              control={form.control}
              name="credit_valid_days"
              id="campaign-credit-days"
              optional
              suffix={t("campaigns.form.days")}
              label={t("campaigns.gift.validDays")}
              hint={t("campaigns.gift.validDaysHint")}
            />
          </div>
        )}
      </div>
      <div className="grid grid-cols-1 gap-4 border-t pt-4 md:grid-cols-3">
        <PercentField
          control={form.control}
          name="holdout_percent"
          id="campaign-holdout"
          label={t("campaigns.form.holdout")}
          hint={t("campaigns.form.holdoutHint")}
        />
        <NumberField
          control={form.control}
          name="window_days"
          id="campaign-window"
          suffix={t("campaigns.form.days")}
          label={t("campaigns.form.window")}
          hint={t("campaigns.form.windowHint")}
        />
        {automation ? (
          <NumberField
            control={form.control}
            name="cooldown_days"
            id="campaign-cooldown"
            suffix={t("campaigns.form.days")}
            label={t("campaigns.form.cooldown")}
            hint={t("campaigns.form.cooldownHint")}
          />
        ) : (
          <NumberField
            control={form.control}
            name="throttle_per_minute"
            id="campaign-throttle"
            optional
            suffix={t("campaigns.form.perMinute")}
            label={t("campaigns.form.throttle")}
            hint={t("campaigns.form.throttleHint")}
          />
        )}
      </div>
      {!automation && (
        <div className="flex flex-col gap-y-3 border-t pt-4" data-testid="campaign-when">
          <ChoiceField
            control={form.control}
            name="when"
            id="campaign-when"
            label={t("campaigns.form.when")}
            testId="campaign-when-choice"
            choices={[
              { value: "now", label: t("campaigns.form.whenNow"), description: t("campaigns.form.whenNowHint") },
              { value: "later", label: t("campaigns.form.whenLater"), description: t("campaigns.form.whenLaterHint") },
            ]}
          />
          {when === "later" && (
            <DateField
              control={form.control}
              name="scheduled_at"
              id="campaign-scheduled-at"
              withTime
              label={t("campaigns.form.scheduledAt")}
              hint={t("campaigns.form.scheduledAtHint", { zone: `\u2066${timeZone ?? "Asia/Tehran"}\u2069` })}
            />
          )}
        </div>
      )}
      <PreviewPanel
        input={{
          segment_id: values.segment_id ?? "",
          bodies: bodiesOf({ body_fa: values.body_fa ?? "", body_en: values.body_en ?? "" }),
          gift: giftOf(values),
          holdout_percent: /^\d+$/.test(values.holdout_percent ?? "") ? Number(values.holdout_percent) : undefined,
        }}
      />
    </FormModal>
  )
}
