import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PaperPlane } from "@medusajs/icons"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import { CampaignKind } from "../../../lib/campaigns"
import { useLoyaltyTranslation } from "../../../lib/i18n"
import { useStoreCurrencies } from "../../../lib/query"
import { CampaignForm } from "./components/campaign-form"
import { CampaignsTable } from "./components/campaigns-table"

/**
 * SMS campaigns to a saved segment, now or at a date and time, with a
 * holdout group to measure them against; and automations, which text
 * customers as they enter a segment. Each campaign's page has its preview,
 * its moves and its results.
 */
const CampaignsPage = () => {
  const { t, dir } = useLoyaltyTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const kind: CampaignKind = params.get("tab") === "automations" ? "automation" : "campaign"
  const { data: currencies } = useStoreCurrencies()
  const [open, setOpen] = useState(false)
  const [formKey, setFormKey] = useState(0)
  const create = () => {
    setFormKey((k) => k + 1)
    setOpen(true)
  }
  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="campaigns">
      <Container className="divide-y p-0" data-testid="campaigns">
        <div className="flex flex-col px-6 py-4">
          <Heading level="h1">{t("campaigns.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("campaigns.description")}
          </Text>
        </div>
        <Tabs
          dir={dir}
          value={kind === "automation" ? "automations" : "campaigns"}
          onValueChange={(tab) => setParams(tab === "automations" ? { tab } : {}, { replace: true })}
        >
          <Tabs.List className="px-6 py-2">
            <Tabs.Trigger value="campaigns" data-testid="campaigns-tab">
              {t("campaigns.tabs.campaigns")}
            </Tabs.Trigger>
            <Tabs.Trigger value="automations" data-testid="automations-tab">
              {t("campaigns.tabs.automations")}
            </Tabs.Trigger>
          </Tabs.List>
        </Tabs>
        <CampaignsTable key={kind} kind={kind} onCreate={create} />
      </Container>
      {currencies && (
        <CampaignForm
          key={`${kind}-${formKey}`}
          kind={kind}
          campaign={null}
          currencies={currencies}
          open={open}
          onOpenChange={setOpen}
          onSaved={(campaign) => navigate(`/loyalty/campaigns/${campaign.id}`)}
        />
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.campaigns",
  translationNs: "loyalty",
  icon: PaperPlane,
  rank: 13,
})

export default CampaignsPage
