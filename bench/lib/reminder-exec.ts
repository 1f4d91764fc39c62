// Runs inside the Medusa app (medusa exec). Prints `name: value unit` lines.
//
// The expiry reminder job at scale: CUSTOMERS customers, each with a phone,
// an IRR wallet and one lot expiring 7 days from now (plus one that does
// not), written with set-based SQL. Figures: queueExpiryRemindersWorkflow
// (find the expiring credit, compose each message in Persian with the
// customer's name, balance and Jalali date, queue it with its idempotency
// key), a second run the same day (queues nothing), and as the baseline one
// raw INSERT ... SELECT of as many rows with a fixed text.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { check, now, opt, peakRssMb, print } from "./bench-utils"
import { queueExpiryRemindersWorkflow, updateLoyaltySettingsWorkflow } from "../../src/workflows"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import LoyaltyClubModuleService from "../../src/modules/loyalty-club/service"
import { addShopDays, shopDayStart } from "../../src/utils/sms-messages"

const CUSTOMERS = opt("customers", 100000, 2000)
const DAY = 24 * 60 * 60 * 1000

export default async function reminderBench({ container }: ExecArgs) {
  const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const at = new Date()
  await updateLoyaltySettingsWorkflow(container).run({
    input: { reminder_days: [7, 3, 1], quiet_hours_start: "00:00", quiet_hours_end: "00:00" },
  })

  process.stderr.write(`bench: inserting ${CUSTOMERS} customers with expiring credit...\n`)
  let start = now()
  // Noon of the shop day 7 days from today, in the shop's time zone: "now +
  // 7 days + 1 h" fell on day 8 when the bench ran late in the evening.
  const { time_zone } = await container.resolve<LoyaltyClubModuleService>(LOYALTY_CLUB_MODULE).retrieveSettings()
  const expires = new Date(shopDayStart(addShopDays(at, 7, time_zone), time_zone).getTime() + DAY / 2)
  await pg.raw(
    `INSERT INTO customer (id, email, first_name, last_name, phone, has_account, created_at, updated_at)
     SELECT 'cus_rem_' || c, 'rem-' || c || '@example.com', 'Customer' || c, 'Bench',
       '+98912' || lpad(c::text, 7, '0'), true, now(), now()
     FROM generate_series(0, ?::int - 1) AS c`,
    [CUSTOMERS]
  )
  await pg.raw(
    `INSERT INTO loyalty_wallet (id, customer_id, currency_code, status, balance, raw_balance, created_at, updated_at)
     SELECT 'lw_rem_' || c, 'cus_rem_' || c, 'irr', 'active', 3000000,
       '{"value": "3000000", "precision": 20}'::jsonb, now(), now()
     FROM generate_series(0, ?::int - 1) AS c`,
    [CUSTOMERS]
  )
  await pg.raw(
    `INSERT INTO loyalty_wallet_transaction (id, wallet_id, type, amount, raw_amount, reference, reference_id, created_at, updated_at)
     SELECT 'lwtx_rem_' || c || '_' || k, 'lw_rem_' || c, 'credit', 1500000,
       '{"value": "1500000", "precision": 20}'::jsonb, 'bench', c || ':' || k, now(), now()
     FROM generate_series(0, ?::int - 1) AS c, generate_series(1, 2) AS k`,
    [CUSTOMERS]
  )
  // Lot 1 expires in 7 days (reminded), lot 2 in 60 days (not).
  await pg.raw(
    `INSERT INTO loyalty_wallet_lot (id, wallet_id, transaction_id, amount, remaining, raw_amount, raw_remaining,
       expires_at, created_at, updated_at)
     SELECT 'lwlot_rem_' || c || '_' || k, 'lw_rem_' || c, 'lwtx_rem_' || c || '_' || k, 1500000, 1500000,
       '{"value": "1500000", "precision": 20}'::jsonb, '{"value": "1500000", "precision": 20}'::jsonb,
       CASE WHEN k = 1 THEN ?::timestamptz ELSE ?::timestamptz END, now(), now()
     FROM generate_series(0, ?::int - 1) AS c, generate_series(1, 2) AS k`,
    [expires.toISOString(), new Date(at.getTime() + 60 * DAY).toISOString(), CUSTOMERS]
  )
  for (const table of ["customer", "loyalty_wallet", "loyalty_wallet_transaction", "loyalty_wallet_lot"]) {
    await pg.raw(`ANALYZE ${table}`)
  }
  print("customers", String(CUSTOMERS), "customers with credit expiring in 7 days")
  print("setup", (now() - start) / 1000, "s (inserts + ANALYZE, not part of the figures)")

  // Baseline: as many message rows in one raw statement, fixed text.
  start = now()
  await pg.raw(
    `INSERT INTO loyalty_message (id, customer_id, event, locale, phone, body, idempotency_key, status,
       send_after, attempts, failures, created_at, updated_at)
     SELECT 'lmsg_base_' || w.id, w.customer_id, 'baseline', 'fa', '+989120000000', 'text',
       'baseline:' || w.id, 'skipped', now(), 0, 0, now(), now()
     FROM loyalty_wallet w WHERE w.id LIKE 'lw_rem_%'`
  )
  const baseline = (now() - start) / 1000
  await pg.raw(`DELETE FROM loyalty_message WHERE event = 'baseline'`)

  start = now()
  const { result } = await queueExpiryRemindersWorkflow(container).run({ input: { at } })
  const first = (now() - start) / 1000
  start = now()
  const { result: again } = await queueExpiryRemindersWorkflow(container).run({ input: { at } })
  const second = (now() - start) / 1000
  const { rows: [sample] } = await pg.raw(
    `SELECT body FROM loyalty_message WHERE event = 'expiry_reminder' ORDER BY id LIMIT 1`
  )

  const { rows: [counts] } = await pg.raw(
    `SELECT count(*)::int AS n, count(DISTINCT customer_id)::int AS customers,
       count(*) FILTER (WHERE status = 'queued' AND phone LIKE '+98912%')::int AS queued,
       count(*) FILTER (WHERE body LIKE '%۱۵۰٬۰۰۰ تومان%')::int AS with_amount
     FROM loyalty_message WHERE event = 'expiry_reminder' AND deleted_at IS NULL`
  )

  print("reminder_job", first, `s (${result.queued.length} reminders queued; peak RSS so far ${peakRssMb().toFixed(0)} MB)`)
  print("reminder_job_vs_raw_insert", first / baseline, `x (raw INSERT ... SELECT of ${CUSTOMERS} rows: ${baseline.toFixed(2)} s)`)
  print("reminder_job_again_same_day", second, `s (${again.queued.length} queued)`)
  print("reminder_job_under_60s", first < 60 ? "yes" : "no", "(target < 60 s)")
  process.stdout.write(`sample: ${sample?.body}\n`)
  print("peak_rss", peakRssMb(), "MB")
  // One reminder per customer (one wallet each) with the expiring lot's
  // 1,500,000 IRR (150,000 Toman), none the second time.
  check(
    "one_reminder_per_wallet",
    result.queued.length === CUSTOMERS && counts.n === CUSTOMERS && counts.customers === CUSTOMERS && counts.queued === CUSTOMERS,
    `${result.queued.length} queued, ${counts.n} rows for ${counts.customers} customers`
  )
  check("amount_in_every_reminder", counts.with_amount === CUSTOMERS, `${counts.with_amount} name 150,000 Toman`)
  check("nothing_again_same_day", again.queued.length === 0, `${again.queued.length} queued by the second run`)
}
