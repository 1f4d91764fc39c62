import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Calendar,
  ChartBar,
  ChatBubbleLeftRight,
  ReceiptPercent,
  Receipt,
  Key,
  Gift,
  PaperPlane,
  Share,
  Sparkles,
  Star,
  Tag,
  Trophy,
  Users,
} from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { ComponentType } from "react"
import { Link } from "react-router-dom"
import { useLoyaltyTranslation } from "../../lib/i18n"

/** The club's pages in the order a shop sets them up; the sidebar shows the same. */
const PAGES: { to: string; title: string; about: string; icon: ComponentType }[] = [
  { to: "cashback-rules", title: "common.nav.rules", about: "common.overview.rules", icon: ReceiptPercent },
  { to: "tiers", title: "common.nav.tiers", about: "common.overview.tiers", icon: Trophy },
  { to: "messages", title: "common.nav.messages", about: "common.overview.messages", icon: ChatBubbleLeftRight },
  { to: "pos-keys", title: "common.nav.tillKeys", about: "common.overview.tillKeys", icon: Key },
  { to: "register-purchase", title: "common.nav.registerPurchase", about: "common.overview.registerPurchase", icon: Receipt },
  { to: "feedback", title: "common.nav.feedback", about: "common.overview.feedback", icon: Star },
  { to: "transfers", title: "common.nav.transfers", about: "common.overview.transfers", icon: Gift },
  { to: "codes", title: "common.nav.codes", about: "common.overview.codes", icon: Tag },
  { to: "occasions", title: "common.nav.occasions", about: "common.overview.occasions", icon: Calendar },
  { to: "referrals", title: "common.nav.referrals", about: "common.overview.referrals", icon: Share },
  { to: "analytics", title: "common.nav.analytics", about: "common.overview.analytics", icon: ChartBar },
  { to: "segments", title: "common.nav.segments", about: "common.overview.segments", icon: Users },
  { to: "campaigns", title: "common.nav.campaigns", about: "common.overview.campaigns", icon: PaperPlane },
]

const LoyaltyPage = () => {
  const { t } = useLoyaltyTranslation()
  return (
    <Container className="divide-y p-0" data-loyalty-page="overview">
      <div className="px-6 py-4">
        <Heading>{t("common.overview.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("common.overview.description")}
        </Text>
      </div>
      <ul className="divide-y">
        {PAGES.map(({ to, title, about, icon: Icon }) => (
          <li key={to}>
            <Link
              to={`/loyalty/${to}`}
              className="hover:bg-ui-bg-base-hover flex items-start gap-x-3 px-6 py-4 outline-none focus-visible:bg-ui-bg-base-hover"
            >
              <span className="text-ui-fg-subtle mt-0.5">
                <Icon />
              </span>
              <span className="flex flex-col">
                <Text size="small" weight="plus">
                  {t(title)}
                </Text>
                <Text size="small" className="text-ui-fg-subtle">
                  {t(about)}
                </Text>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.loyalty",
  translationNs: "loyalty",
  icon: Sparkles,
})

export default LoyaltyPage
