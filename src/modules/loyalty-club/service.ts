import { InboundFacade } from "./facade/inbound"

/**
 * The loyalty club's module service: the one door workflows, routes and
 * jobs use. It keeps the generated CRUD of every model; each other public
 * method puts the manager (or the caller's transaction) in `sharedContext`
 * and hands over to the one room of its domain, where the SQL and the full
 * documentation live (services/, rules in services/index.ts).
 *
 * Its methods live in facade/, one file per group of domains, each class
 * extending the one before: base (generated CRUD, options, rooms), ledger,
 * club (cashback, tiers, messages), till (till and kiosk, recovery,
 * settings), members (feedback and receipts, credit transfers), codes,
 * occasions, referrals, analytics, scores, segments, campaigns, inbound. Only this last class ends in `Service` (see services/index.ts).
 */
class LoyaltyClubModuleService extends InboundFacade {}

export default LoyaltyClubModuleService
