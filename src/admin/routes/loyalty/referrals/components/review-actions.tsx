import { Button, usePrompt } from "@medusajs/ui"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { approveReferral, Referral, refuseReferral, reviewedKeys } from "../../../../lib/referrals"
import { personName } from "../../../../lib/transfers"
import { isolate } from "../../cashback-rules/components/sentence"

/**
 * Approve or refuse a referral held for review; refusing asks first (it
 * cannot be undone: neither side gets anything for it).
 */
export const ReviewActions = ({ referral }: { referral: Referral }) => {
  const { t } = useLoyaltyTranslation()
  const prompt = usePrompt()
  const approve = useLoyaltyMutation({
    mutationFn: () => approveReferral(referral.id),
    invalidate: () => reviewedKeys(referral),
    success: t("referrals.review.approved"),
  })
  const refuse = useLoyaltyMutation({
    mutationFn: () => refuseReferral(referral.id),
    invalidate: () => reviewedKeys(referral),
    success: t("referrals.review.refused"),
  })
  const busy = approve.isPending || refuse.isPending

  const askRefuse = async () => {
    const friend = personName(referral.friend) || referral.friend?.email || referral.friend?.phone || ""
    const confirmed = await prompt({
      title: t("referrals.review.refusePrompt.title"),
      description: friend
        ? t("referrals.review.refusePrompt.description", { friend: isolate(friend) })
        : t("referrals.review.refusePrompt.descriptionNoName"),
      confirmText: t("referrals.review.refusePrompt.confirm"),
      cancelText: t("common.actions.cancel"),
    })
    if (confirmed) refuse.mutate(undefined)
  }

  return (
    <div className="flex shrink-0 flex-wrap items-center gap-2" data-testid="referral-review">
      <Button
        size="small"
        variant="secondary"
        disabled={busy}
        isLoading={approve.isPending}
        onClick={() => approve.mutate(undefined)}
        data-testid="referral-approve"
      >
        {t("referrals.review.approve")}
      </Button>
      <Button
        size="small"
        variant="secondary"
        disabled={busy}
        isLoading={refuse.isPending}
        onClick={askRefuse}
        data-testid="referral-refuse"
      >
        {t("referrals.review.refuse")}
      </Button>
    </div>
  )
}
