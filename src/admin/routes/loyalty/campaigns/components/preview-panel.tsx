import { Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Ltr } from "../../../../components/ltr"
import { useErrorText } from "../../../../lib/api"
import { campaignKeys, CampaignGift, previewCampaign } from "../../../../lib/campaigns"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { LOCALE_LABEL } from "../../../../lib/messages"
import { useDebounced } from "../../../../lib/segments"

type PreviewInput = {
  segment_id: string
  bodies: { fa?: string; en?: string }
  gift?: CampaignGift
  holdout_percent?: number
}

const Row = ({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) => (
  <div className="flex items-center justify-between gap-x-4 py-1">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" weight={strong ? "plus" : "regular"} data-testid={testId}>
      {value}
    </Text>
  </div>
)

/**
 * What a send would do, from the server (POST /campaigns/preview): the
 * segment now, the holdout, who is skipped for an opt-out or a missing
 * phone, the recipients, the SMS parts per message and the estimated cost.
 */
export const PreviewPanel = ({ input }: { input: PreviewInput }) => {
  const { t } = useLoyaltyTranslation()
  const { number, money } = useFormat()
  const errorText = useErrorText()
  const body = useDebounced(JSON.stringify(input), 600)
  // Ready by what is sent (the settled input), not by what is typed now.
  const settled = JSON.parse(body) as PreviewInput
  const ready = !!settled.segment_id && !!(settled.bodies.fa || settled.bodies.en)
  const { data, error, isFetching } = useQuery({
    queryKey: campaignKeys.preview(body),
    queryFn: () => previewCampaign(JSON.parse(body)),
    enabled: ready,
    retry: false,
    staleTime: 30_000,
  })
  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-lg px-4 py-3" data-testid="campaign-preview">
      <Text size="small" weight="plus">
        {t("campaigns.preview.title")}
        {isFetching ? " …" : ""}
      </Text>
      {!ready ? (
        <Text size="small" className="text-ui-fg-subtle">
          {t("campaigns.preview.waiting")}
        </Text>
      ) : error ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {errorText(error)}
        </Text>
      ) : !data ? (
        <Text size="small" className="text-ui-fg-subtle">
          {t("common.states.loading")}
        </Text>
      ) : (
        <div className="flex flex-col divide-y" data-recipients={data.recipients}>
          <div className="py-1">
            <Row label={t("campaigns.preview.segment")} value={number(data.segment_count)} testId="preview-segment" />
            <Row label={t("campaigns.preview.holdout")} value={number(data.holdout)} testId="preview-holdout" />
            <Row label={t("campaigns.preview.optedOut")} value={number(data.skipped.opted_out)} testId="preview-opted-out" />
            <Row label={t("campaigns.preview.noPhone")} value={number(data.skipped.no_phone)} testId="preview-no-phone" />
            <Row label={t("campaigns.preview.recipients")} value={number(data.recipients)} testId="preview-recipients" strong />
          </div>
          <div className="py-1">
            {(["fa", "en"] as const).map((locale) => {
              const parts = data.parts[locale]
              if (!parts) return null
              return (
                <Row
                  key={locale}
                  label={t("campaigns.preview.parts", { language: t(LOCALE_LABEL[locale]) })}
                  value={t("campaigns.preview.partsValue", {
                    parts: number(parts.parts),
                    characters: number(parts.characters),
                    messages: number(data.messages_by_locale[locale] ?? 0),
                  })}
                  testId={`preview-parts-${locale}`}
                />
              )
            })}
          </div>
          <div className="py-1">
            {data.cost ? (
              <>
                <Row
                  label={t("campaigns.preview.cost")}
                  value={money(data.cost.amount, data.cost.currency_code)}
                  testId="preview-cost"
                  strong
                />
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("campaigns.preview.costHint", { price: money(data.cost.per_part, data.cost.currency_code) })}{" "}
                  <Ltr>{data.cost.gateway}</Ltr>
                </Text>
              </>
            ) : (
              <Text size="xsmall" className="text-ui-fg-subtle" data-testid="preview-no-price">
                {t("campaigns.preview.noPrice")}{" "}
                <Link to="/loyalty/messages" className="text-ui-fg-interactive hover:underline">
                  {t("campaigns.preview.setPrice")}
                </Link>
              </Text>
            )}
          </div>
        </div>
      )}
    </div>
  )
}
