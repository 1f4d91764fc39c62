import { ArrowLeft, ArrowRight } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { Data } from "../../../../components/ltr"
import { useErrorText } from "../../../../lib/api"
import { Campaign, CAMPAIGN_VARIABLES, campaignKeys, previewCampaign, useCampaign } from "../../../../lib/campaigns"
import { MessageLocale } from "../../../../lib/client"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { LOCALE_LABEL, templateParts } from "../../../../lib/messages"
import { useStoreCurrencies } from "../../../../lib/query"
import { useSegmentChoices } from "../../../../lib/segments"
import { CampaignActions } from "../components/campaign-actions"
import { CampaignForm } from "../components/campaign-form"
import { CampaignResultsView } from "../components/campaign-results"
import { CampaignStatusBadge } from "../components/campaign-status"
import { AutomationSwitch } from "../components/campaigns-table"
import { PreviewPanel } from "../components/preview-panel"
import { TemplateText } from "../../messages/components/template-text"

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small">{children}</Text>
  </div>
)

/** The gift in words: none, a personal code, or credit with its expiry. */
const GiftText = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useLoyaltyTranslation()
  const { money, number } = useFormat()
  const gift = campaign.gift
  if (!gift) return <>{t("campaigns.gift.none")}</>
  if (gift.type === "code") return <>{t("campaigns.gift.code")}</>
  const amounts = Object.entries(gift.amounts)
    .map(([c, a]) => money(a, c))
    .join(t("common.separator"))
  return (
    <>
      {gift.expires_after_days
        ? t("campaigns.gift.creditFor", { amount: amounts, n: number(gift.expires_after_days) })
        : amounts}
    </>
  )
}

/** The preview's recipients for the send prompt (the panel shows the rest). */
function usePreviewRecipients(campaign: Campaign | undefined) {
  return useQuery({
    queryKey: campaignKeys.preview(JSON.stringify({ id: campaign?.id, kind: "prompt" })),
    queryFn: () =>
      previewCampaign({
        segment_id: campaign!.segment_id,
        bodies: campaign!.bodies,
        gift: campaign!.gift,
        holdout_percent: campaign!.holdout_percent,
      }),
    select: (data) => data.recipients,
    enabled: !!campaign && campaign.status === "draft" && campaign.kind === "campaign",
    retry: false,
  })
}

/**
 * One campaign or automation: its facts, wording, the preview before it
 * goes and its moves (send, pause, resume, cancel), and its results once
 * it has recipients.
 */
const CampaignPage = () => {
  const { id = "" } = useParams()
  const { t, dir } = useLoyaltyTranslation()
  const { number, dateTime } = useFormat()
  const errorText = useErrorText()
  const navigate = useNavigate()
  const { data: campaign, error, isPending } = useCampaign(id)
  const { data: segments } = useSegmentChoices()
  const { data: currencies } = useStoreCurrencies()
  const { data: recipients } = usePreviewRecipients(campaign)
  const [editing, setEditing] = useState(false)

  const Back = dir === "rtl" ? ArrowRight : ArrowLeft
  const automation = campaign?.kind === "automation"
  const editable =
    !!campaign &&
    (automation ? !campaign.is_active : campaign.status === "draft" || campaign.status === "scheduled")
  const started = !!campaign && !automation && !["draft", "scheduled"].includes(campaign.status)
  const segmentName =
    campaign?.segment?.name ?? segments?.find((s) => s.id === campaign?.segment_id)?.name ?? campaign?.segment_id

  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="campaign">
      <Link
        to={automation ? "/loyalty/campaigns?tab=automations" : "/loyalty/campaigns"}
        className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex items-center gap-x-1"
        data-testid="campaign-back"
      >
        <Back />
        {t("campaigns.detail.back")}
      </Link>
      {!campaign ? (
        <Container className="px-6 py-4">
          <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"} role={error ? "alert" : undefined}>
            {error ? errorText(error) : isPending ? t("common.states.loading") : null}
          </Text>
        </Container>
      ) : (
        <>
          <Container className="divide-y p-0" data-testid="campaign-detail" data-status={campaign.status}>
            <div className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row">
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <Heading level="h1">
                  <Data>{campaign.name}</Data>
                </Heading>
                {automation ? null : <CampaignStatusBadge status={campaign.status} />}
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-2">
                {editable && (
                  <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="campaign-edit">
                    {t("common.actions.edit")}
                  </Button>
                )}
                {automation ? (
                  <div className="flex items-center gap-x-2">
                    <Text size="small">{t("campaigns.automations.active")}</Text>
                    <AutomationSwitch campaign={campaign} />
                  </div>
                ) : (
                  <CampaignActions campaign={campaign} recipients={recipients} onDeleted={() => navigate("/loyalty/campaigns")} />
                )}
              </div>
            </div>
            <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
              <Fact label={t("campaigns.form.segment")}>
                <Link to={`/loyalty/segments/${campaign.segment_id}`} className="text-ui-fg-interactive hover:underline">
                  <Data>{segmentName}</Data>
                </Link>
              </Fact>
              <Fact label={t("campaigns.form.gift")}>
                <GiftText campaign={campaign} />
              </Fact>
              <Fact label={t("campaigns.form.holdout")}>
                {number(campaign.holdout_percent)}
                {t("common.units.percent")}
              </Fact>
              {automation ? (
                <Fact label={t("campaigns.form.cooldown")}>
                  {t("campaigns.list.everyDays", { n: number(campaign.cooldown_days ?? 30) })}
                </Fact>
              ) : (
                <Fact label={t("campaigns.list.columns.when")}>
                  {campaign.scheduled_at
                    ? dateTime(campaign.scheduled_at)
                    : campaign.started_at
                      ? dateTime(campaign.started_at)
                      : t("campaigns.form.whenNow")}
                </Fact>
              )}
              {(started || automation) && (
                <>
                  <Fact label={t("campaigns.detail.recipients")}>{number(campaign.recipients)}</Fact>
                  <Fact label={t("campaigns.detail.holdoutCount")}>{number(campaign.holdout)}</Fact>
                  <Fact label={t("campaigns.detail.skipped")}>{number(campaign.skipped)}</Fact>
                </>
              )}
            </div>
            <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-bodies">
              {(["fa", "en"] as MessageLocale[]).map((locale) =>
                campaign.bodies[locale] ? (
                  <div key={locale} className="flex flex-col gap-y-1">
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {t(LOCALE_LABEL[locale])}
                    </Text>
                    <div className="bg-ui-bg-subtle rounded-md px-3 py-2">
                      <TemplateText
                        parts={templateParts(campaign.bodies[locale] ?? "", CAMPAIGN_VARIABLES)}
                        locale={locale}
                        testId={`campaign-body-${locale}`}
                      />
                    </div>
                  </div>
                ) : null
              )}
            </div>
          </Container>
          {!started && (
            <Container className="p-0">
              <PreviewPanel
                input={{
                  segment_id: campaign.segment_id,
                  bodies: campaign.bodies,
                  gift: campaign.gift,
                  holdout_percent: campaign.holdout_percent,
                }}
              />
            </Container>
          )}
          {(started || (automation && campaign.recipients > 0)) && <CampaignResultsView campaignId={campaign.id} />}
          {currencies && (
            <CampaignForm
              kind={campaign.kind}
              campaign={campaign}
              currencies={currencies}
              open={editing}
              onOpenChange={setEditing}
            />
          )}
        </>
      )}
    </div>
  )
}

export default CampaignPage
