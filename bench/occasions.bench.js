#!/usr/bin/env node
// Occasions benchmark (issue "Personal discount codes and occasions"): the
// occasion job over 100,000 members whose birthdays (70% Jalali, 30%
// Gregorian, some on Esfand 30 and 29 February) are spread over the year and
// who joined on days spread over four years. Figures: the job for one shop
// day (every occasion: birthdays with a credit gift, membership
// anniversaries with a greeting, and the rest finding nobody), the same job
// again (gives nothing), and Nowruz for every member (a greeting each).
//   npm run bench -- occasions [--customers 100000]
//
// Run with node, this file starts a fresh store and runs itself inside it
// with `medusa exec` (the default export below).
if (require.main === module) {
  require("./lib/fresh-store").main({ exec: "./bench/occasions.bench.js", seed: false })
}

module.exports.default = async function occasionsBench({ container }) {
  const { ContainerRegistrationKeys } = require("@medusajs/framework/utils")
  const { check, now, opt, peakRssMb, print } = require("./lib/bench-utils")
  const { updateLoyaltySettingsWorkflow } = require("../src/workflows/settings/workflows")
  const { runOccasions, updateOccasionWorkflow } = require("../src/workflows/occasions")
  const { addDays, anniversariesOn, celebratedOn, nowruzDay, partsOf, RECENT_CHANGE_DAYS } = require("../src/utils/occasions")
  const { shopDay, shopDayStart } = require("../src/utils/sms-messages")

  const CUSTOMERS = opt("customers", 100000, 2000)
  const TZ = "Asia/Tehran"
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const at = new Date()
  const today = shopDay(at, TZ)
  await updateLoyaltySettingsWorkflow(container).run({
    input: { quiet_hours_start: "00:00", quiet_hours_end: "00:00", time_zone: TZ, default_locale: "fa" },
  })

  // Birthdays spread over a common year of each calendar (every 997th on
  // Esfand 30 or 29 February); every 101st changed 5 days ago.
  const JALALI = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29]
  const GREGORIAN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  const monthDay = (lengths, k) => {
    let m = 0
    while (k >= lengths[m]) k -= lengths[m++]
    return [m + 1, k + 1]
  }
  // Joined 1 to 1,460 days ago, at noon in Tehran (one instant per day).
  const joinedAt = new Map()
  const joinedOn = (days) => {
    if (!joinedAt.has(days)) {
      const day = addDays(today, -days)
      joinedAt.set(days, { day, at: new Date(shopDayStart(day, TZ).getTime() + 12 * 3600000) })
    }
    return joinedAt.get(days)
  }
  const customers = []
  for (let i = 0; i < CUSTOMERS; i++) {
    const calendar = i % 10 < 7 ? "jalali" : "gregorian"
    let [month, day] = monthDay(calendar === "jalali" ? JALALI : GREGORIAN, (i * 7919) % 365)
    if (i % 997 === 0) {
      ;[month, day] = calendar === "jalali" ? [12, 30] : [2, 29]
    }
    customers.push({
      i,
      calendar,
      month,
      day,
      recent: i % 101 === 0,
      joined: joinedOn(1 + ((i * 31) % 1460)),
    })
  }

  process.stderr.write(`bench: inserting ${CUSTOMERS} members with birthdays...\n`)
  let start = now()
  for (let c = 0; c < CUSTOMERS; c += 10000) {
    const chunk = customers.slice(c, c + 10000)
    await pg.raw(
      `INSERT INTO customer (id, email, first_name, last_name, phone, has_account, created_at, updated_at)
       SELECT 'cus_occ_' || i, 'occ-' || i || '@example.com', 'Member' || i, 'Bench',
         '+98912' || lpad(i::text, 7, '0'), true, j, j
       FROM unnest(?::int[], ?::timestamptz[]) AS t(i, j)`,
      [chunk.map((x) => x.i), chunk.map((x) => x.joined.at.toISOString())]
    )
    await pg.raw(
      `INSERT INTO loyalty_birthday (id, customer_id, calendar, month, day, set_by, changed_at, created_at, updated_at)
       SELECT 'lbday_occ_' || i, 'cus_occ_' || i, cal, m, d, 'customer',
         CASE WHEN r THEN now() - interval '5 days' ELSE now() - interval '400 days' END, now(), now()
       FROM unnest(?::int[], ?::text[], ?::int[], ?::int[], ?::boolean[]) AS t(i, cal, m, d, r)`,
      [
        chunk.map((x) => x.i),
        chunk.map((x) => x.calendar),
        chunk.map((x) => x.month),
        chunk.map((x) => x.day),
        chunk.map((x) => x.recent),
      ]
    )
  }
  for (const table of ["customer", "loyalty_birthday"]) {
    await pg.raw(`ANALYZE ${table}`)
  }
  print("customers", String(CUSTOMERS), "members, each with a birthday")
  print("setup", (now() - start) / 1000, "s (inserts + ANALYZE, not part of the figures)")

  await updateOccasionWorkflow(container).run({
    input: { kind: "birthday", enabled: true, gift_type: "credit", credit_amount: { irr: "500000" }, credit_valid_days: 30 },
  })
  for (const kind of ["membership_anniversary", "first_order_anniversary", "nowruz", "yalda", "win_back", "welcome"]) {
    await updateOccasionWorkflow(container).run({ input: { kind, enabled: true } })
  }

  // Who is due today, worked out here from the same calendar rules.
  const celebrated = new Set(
    ["jalali", "gregorian"].flatMap((cal) => celebratedOn(today, cal).dates.map((d) => `${cal}:${d.month}:${d.day}`))
  )
  const due = customers.filter((x) => celebrated.has(`${x.calendar}:${x.month}:${x.day}`))
  // Changed 5 days ago: within the 30 days before today.
  const skipped = due.filter((x) => x.recent && 5 <= RECENT_CHANGE_DAYS).length
  const anniversaryDays = new Set(anniversariesOn(today, "jalali").map((a) => a.day))
  const anniversaries = customers.filter((x) => anniversaryDays.has(x.joined.day)).length

  const rssBeforeJob = peakRssMb()
  // The job (every occasion, in the job's order), each occasion timed.
  const kindTimes = []
  start = now()
  for (const kind of ["birthday", "membership_anniversary", "first_order_anniversary", "nowruz", "yalda", "win_back", "welcome"]) {
    const t = now()
    await runOccasions(container, { at, kinds: [kind] })
    kindTimes.push([kind, (now() - t) / 1000])
  }
  const job = (now() - start) / 1000
  const rssAfterJob = peakRssMb()
  start = now()
  const second = await runOccasions(container, { at })
  const again = (now() - start) / 1000
  const byKind = (result, kind) => result.occasions.find((o) => o.kind === kind)

  const { rows: [counts] } = await pg.raw(
    `SELECT
       count(*) FILTER (WHERE g.kind = 'birthday' AND g.outcome = 'granted')::int AS given,
       count(*) FILTER (WHERE g.kind = 'birthday' AND g.outcome = 'skipped_recent_change')::int AS skipped,
       count(*) FILTER (WHERE g.kind = 'membership_anniversary')::int AS anniversaries,
       (SELECT count(*)::int FROM loyalty_wallet_transaction WHERE reference = 'occasion') AS credits,
       (SELECT count(*)::int FROM loyalty_message WHERE event = 'birthday' AND status = 'queued') AS birthday_sms
     FROM loyalty_occasion_grant g`
  )

  // Nowruz: every member at once (the next one, in the future).
  const nextNowruz = nowruzDay(partsOf(today, "jalali").year + 1)
  const nowruzAt = new Date(shopDayStart(nextNowruz, TZ).getTime() + 10 * 3600000)
  start = now()
  const nowruz = await runOccasions(container, { at: nowruzAt, kinds: ["nowruz"] })
  const nowruzTime = (now() - start) / 1000
  const { rows: [nowruzCounts] } = await pg.raw(
    `SELECT (SELECT count(*)::int FROM loyalty_occasion_grant WHERE kind = 'nowruz' AND outcome = 'granted') AS grants,
       (SELECT count(*)::int FROM loyalty_message WHERE event = 'nowruz') AS sms`
  )
  const { rows: [sample] } = await pg.raw(`SELECT body FROM loyalty_message WHERE event = 'birthday' ORDER BY id LIMIT 1`)

  print("occasion_job", job, `s (${due.length} birthdays today: ${counts.given} given, ${counts.skipped} changed too recently; ${counts.anniversaries} membership anniversaries)`)
  for (const [kind, t] of kindTimes) {
    print(`occasion_job_${kind}`, t, "s")
  }
  print("occasion_job_under_30s", job < 30 ? "yes" : "no", `(target < 30 s; peak RSS ${rssBeforeJob.toFixed(0)} MB before it, ${rssAfterJob.toFixed(0)} MB after)`)
  print("occasion_job_again_same_day", again, `s (${byKind(second, "birthday").given} given)`)
  print("nowruz_every_member", nowruzTime, `s (${nowruzCounts.grants} grants and messages)`)
  process.stdout.write(`sample: ${sample ? sample.body : "(none)"}\n`)
  print("peak_rss", peakRssMb(), "MB")

  check("birthdays_given_once", counts.given === due.length - skipped && counts.credits === counts.given && counts.birthday_sms === counts.given,
    `${counts.given} given of ${due.length} due (${skipped} changed recently), ${counts.credits} credit lots, ${counts.birthday_sms} SMS`)
  check("recent_changes_skipped", counts.skipped === skipped, `${counts.skipped} skipped`)
  check("anniversaries_found", counts.anniversaries === anniversaries, `${counts.anniversaries} of ${anniversaries}`)
  check("nothing_again_same_day", byKind(second, "birthday").pending === 0 && byKind(second, "birthday").given === 0 && second.queued.length === 0,
    `${second.queued.length} messages queued by the second run`)
  check("nowruz_every_member", nowruzCounts.grants === CUSTOMERS && nowruzCounts.sms === CUSTOMERS && byKind(nowruz, "nowruz").given === CUSTOMERS,
    `${nowruzCounts.grants} grants, ${nowruzCounts.sms} messages for ${CUSTOMERS} members`)
}
