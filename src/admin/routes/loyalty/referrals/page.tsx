import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Share } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { useLoyaltyTranslation } from "../../../lib/i18n"
import { useReferralProgram } from "../../../lib/referrals"
import { ProgramSettings } from "./components/program-settings"
import { ReferralsTable } from "./components/referrals-table"
import { TopReferrers } from "./components/top-referrers"

/** While the programme is off, a line saying so, pointing at its switch. */
const ProgramOff = () => {
  const { t } = useLoyaltyTranslation()
  const { data } = useReferralProgram()
  if (!data || data.program.enabled) return null
  return (
    <Container className="px-6 py-3" data-testid="referral-program-off">
      <Text size="small" className="text-ui-fg-subtle">
        {t("referrals.off")}{" "}
        <a href="#referral-program" className="text-ui-fg-interactive hover:underline">
          {t("referrals.offLink")}
        </a>
      </Text>
    </Container>
  )
}

/**
 * Members bringing friends: every referral with its status and the reasons
 * a check refused or held it (held ones approved or refused here), the top
 * referrers, and the programme's settings.
 */
const ReferralsPage = () => (
  <div className="flex flex-col gap-y-3" data-loyalty-page="referrals">
    <ProgramOff />
    <Container className="divide-y p-0" data-testid="referrals">
      <ReferralsTable />
    </Container>
    <TopReferrers />
    <div id="referral-program" className="scroll-mt-4">
      <ProgramSettings />
    </div>
  </div>
)

export const config = defineRouteConfig({
  label: "common.nav.referrals",
  translationNs: "loyalty",
  icon: Share,
  rank: 10,
})

export default ReferralsPage
