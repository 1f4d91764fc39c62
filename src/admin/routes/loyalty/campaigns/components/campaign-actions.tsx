import { Button, usePrompt } from "@medusajs/ui"
import { Campaign, CampaignAction, campaignAction, campaignKeys, deleteCampaign } from "../../../../lib/campaigns"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { segmentKeys } from "../../../../lib/segments"
import { isolate } from "../../cashback-rules/components/sentence"

/**
 * A campaign's moves, each asked first: send (now, or at its scheduled
 * time), pause, resume, cancel (what is unsent is withdrawn), delete a draft.
 */
export const CampaignActions = ({
  campaign,
  recipients,
  onDeleted,
}: {
  campaign: Campaign
  /** The preview's recipients, said in the send prompt. */
  recipients?: number
  onDeleted?: () => void
}) => {
  const { t } = useLoyaltyTranslation()
  const { number, dateTime } = useFormat()
  const prompt = usePrompt()
  const name = isolate(campaign.name)
  const future = !!campaign.scheduled_at && new Date(campaign.scheduled_at).getTime() > Date.now()

  const act = useLoyaltyMutation({
    mutationFn: ({ action, body }: { action: CampaignAction; body?: Record<string, unknown> }) =>
      campaignAction(campaign.id, action, body),
    invalidate: () => [campaignKeys.all()],
    success: (_, { action }) =>
      ({
        send: future ? t("campaigns.toast.scheduled", { name }) : t("campaigns.toast.sent", { name }),
        pause: t("campaigns.toast.paused", { name }),
        resume: t("campaigns.toast.resumed", { name }),
        cancel: t("campaigns.toast.canceled", { name }),
      })[action],
  })
  const remove = useLoyaltyMutation({
    mutationFn: () => deleteCampaign(campaign.id),
    invalidate: () => [campaignKeys.all(), segmentKeys.all()],
    success: t("campaigns.toast.deleted", { name }),
    onSuccess: () => onDeleted?.(),
  })

  const ask = async (action: CampaignAction | "delete") => {
    const words = {
      send: {
        title: future
          ? t("campaigns.confirm.scheduleTitle", { name, date: dateTime(campaign.scheduled_at) })
          : t("campaigns.confirm.sendTitle", { name }),
        description:
          recipients === undefined
            ? t("campaigns.confirm.sendDescription")
            : t("campaigns.confirm.sendRecipients", { count: recipients, n: number(recipients) }),
        confirm: future ? t("campaigns.actions.schedule") : t("campaigns.actions.send"),
      },
      pause: { title: t("campaigns.confirm.pauseTitle", { name }), description: t("campaigns.confirm.pauseDescription"), confirm: t("campaigns.actions.pause") },
      resume: { title: t("campaigns.confirm.resumeTitle", { name }), description: t("campaigns.confirm.resumeDescription"), confirm: t("campaigns.actions.resume") },
      cancel: { title: t("campaigns.confirm.cancelTitle", { name }), description: t("campaigns.confirm.cancelDescription"), confirm: t("campaigns.actions.cancel") },
      delete: { title: t("campaigns.confirm.deleteTitle", { name }), description: t("campaigns.confirm.deleteDescription"), confirm: t("common.actions.delete") },
    }[action]
    const confirmed = await prompt({
      title: words.title,
      description: words.description,
      confirmText: words.confirm,
      cancelText: t("common.actions.cancel"),
    })
    if (!confirmed) return
    if (action === "delete") remove.mutate(undefined)
    else act.mutate({ action, body: action === "send" && future ? { scheduled_at: campaign.scheduled_at } : {} })
  }

  const s = campaign.status
  const busy = act.isPending || remove.isPending
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="campaign-actions">
      {s === "draft" && (
        <Button size="small" onClick={() => ask("send")} isLoading={busy} data-testid="campaign-send">
          {future ? t("campaigns.actions.schedule") : t("campaigns.actions.send")}
        </Button>
      )}
      {(s === "sending" || s === "queuing") && (
        <Button size="small" variant="secondary" onClick={() => ask("pause")} isLoading={busy} data-testid="campaign-pause">
          {t("campaigns.actions.pause")}
        </Button>
      )}
      {s === "paused" && (
        <Button size="small" onClick={() => ask("resume")} isLoading={busy} data-testid="campaign-resume">
          {t("campaigns.actions.resume")}
        </Button>
      )}
      {(s === "scheduled" || s === "sending" || s === "paused" || s === "queuing") && (
        <Button size="small" variant="danger" onClick={() => ask("cancel")} isLoading={busy} data-testid="campaign-cancel">
          {t("campaigns.actions.cancel")}
        </Button>
      )}
      {s === "draft" && (
        <Button size="small" variant="danger" onClick={() => ask("delete")} isLoading={busy} data-testid="campaign-delete">
          {t("common.actions.delete")}
        </Button>
      )}
    </div>
  )
}
