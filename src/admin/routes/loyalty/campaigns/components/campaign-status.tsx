import { Badge } from "@medusajs/ui"
import { CampaignStatus, STATUS_COLOR, STATUS_LABEL } from "../../../../lib/campaigns"
import { useLoyaltyTranslation } from "../../../../lib/i18n"

export const CampaignStatusBadge = ({ status }: { status: CampaignStatus }) => {
  const { t } = useLoyaltyTranslation()
  return (
    <Badge size="2xsmall" color={STATUS_COLOR[status]} data-testid="campaign-status" data-status={status}>
      {t(STATUS_LABEL[status])}
    </Badge>
  )
}
