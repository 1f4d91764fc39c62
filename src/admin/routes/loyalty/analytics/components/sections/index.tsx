import { BehaviourSection } from "./behaviour"
import { LifetimeSection } from "./lifetime"
import { MembersSection } from "./members"
import { OmnichannelSection } from "./omnichannel"
import { ProgrammesSection } from "./programmes"
import { RetentionSection } from "./retention"
import { TiersSection } from "./tiers"
import { WalletSection } from "./wallet"

/**
 * Every section of the page, in the order a shop owner asks: who, how they
 * buy, what the wallet costs and owes, whether they stay, what they are
 * worth, where they buy, the tiers and the programmes. Loaded on its own
 * (the page imports it lazily), so the chart library reaches the browser
 * only when the page is opened, not with every admin page.
 */
const AnalyticsSections = () => (
  <>
    <MembersSection />
    <BehaviourSection />
    <WalletSection />
    <RetentionSection />
    <LifetimeSection />
    <OmnichannelSection />
    <TiersSection />
    <ProgrammesSection />
  </>
)

export default AnalyticsSections
