/**
 * The module's rooms: one per domain, each holding that domain's SQL.
 *
 *   ledger/       wallets, ledger rows, lots, allocations, debt, balances,
 *                 expiry and releases (writes, reversals, expiry, reads; lots
 *                 holds the internals they share)
 *   cashback.ts   what rules paid, an order's cashback, cashback received
 *   tiers.ts      tier members, states, moves, grace, undo, tier at a date
 *   messages.ts   the message queue, expiring credit for reminders, SMS
 *                 preferences
 *   till.ts       till receipts, one-time codes, members' phones
 *   settings.ts   the shop's settings and their defaults
 *   transfers.ts  credit sent to a phone: send, claim, return, due transfers
 *   feedback.ts   shoppers' answers after a purchase, the low-rating notice,
 *                 the admin's lists and statistics
 *   recovery.ts   after a process died: checkout debits with no order,
 *                 orders with no cashback decision (reads only)
 *   codes.ts      discount code batches, codes, materialisation data and
 *                 uses (with code-uses.ts)
 *   occasions.ts  birthdays, occasions, grants
 *   referrals.ts  referral codes, the programme, referrals and their moves
 *                 (with referral-facts.ts: the fraud checks' reads, and
 *                 referral-reads.ts: the admin's and shopper's lists and stats)
 *   scores.ts     customers' RFM/LRFM scores, named segments, channel mix,
 *                 interests (rebuilt nightly, set-based)
 *   segments.ts   saved segments: counts, members, exports (segment-sql.ts
 *                 compiles conditions to SQL, segment-facts.ts reads what
 *                 it is evaluated against; campaigns.ts embeds it too)
 *   campaigns.ts  SMS campaigns and automations: recipients, holdout, status
 *                 (with campaign-results.ts: audience, counts, results)
 *   inbound.ts    gateways' replies (opt-outs) and delivery reports
 *   sql.ts        shared plumbing only: SqlManager, sql(), boundSql(),
 *                 ledgerTransaction()
 *
 * Who may call whom:
 * - Workflows, steps, routes, jobs and subscribers call the module service
 *   (../service.ts, the facade; its parts are in ../facade/) only, never a
 *   room.
 * - The facade builds the rooms and hands each public method over to one
 *   room method; it holds no SQL. Its `@InjectManager()` puts the manager
 *   (and a workflow's shared transaction) in `sharedContext`, which every
 *   room method takes last and passes on unchanged.
 * - A room calls sql.ts and its own methods. It never calls the facade or
 *   another room: a method does not mix two domains. What a step needs from
 *   two domains (messages and settings, say) the workflow reads from both.
 *   The exceptions are handed in explicitly: the till room gets the
 *   facade's generated `listPosPurchases` to read a receipt back; the
 *   transfers room gets the ledger's writes, so a transfer's status moves
 *   in the same transaction as its debit, credit or reversal.
 * - Only ledger/ writes the ledger's tables, and only the files of ledger/
 *   call ledger/lots.ts. Other rooms may read ledger tables (cashback
 *   totals, expiring credit) but never write them.
 * - A new feature gets its own room here; it never grows another's.
 *
 * Medusa's module loader imports every file directly in this folder (not
 * index.ts, not subfolders) and registers each exported class or function
 * in the module's container, resolving at start-up those whose name ends in
 * `Service`; one named after a model (`TierService`) would even replace the
 * generated one. So nothing exported here ends in `Service`: rooms are
 * `...Room` or `Ledger...`, and the facade builds them itself.
 */
export { Ledger } from "./ledger"
export { AnalyticsRoom } from "./analytics"
export { AnalyticsMonthsRoom } from "./analytics-months"
export { AnalyticsProgrammesRoom } from "./analytics-programmes"
export { AnalyticsRollupsRoom } from "./analytics-rollups"
export { CampaignResultsRoom } from "./campaign-results"
export { CampaignsRoom } from "./campaigns"
export { CashbackRoom } from "./cashback"
export { CodesRoom } from "./codes"
export { FeedbackRoom } from "./feedback"
export { InboundRoom } from "./inbound"
export { MessagesRoom } from "./messages"
export { OccasionsRoom } from "./occasions"
export { RecoveryRoom } from "./recovery"
export { ReferralsRoom } from "./referrals"
export { ReferralReadsRoom } from "./referral-reads"
export { ScoresRoom } from "./scores"
export { SegmentsRoom } from "./segments"
export { SettingsRoom } from "./settings"
export { TillRoom } from "./till"
export { TransfersRoom } from "./transfers"
export { TiersRoom } from "./tiers"
