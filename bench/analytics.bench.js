#!/usr/bin/env node
// Loyalty analytics benchmark (issue #19, "Loyalty analytics"), run in a
// fresh, migrated store (no demo seed) by bench/lib/analytics-exec.ts:
// - 100,000 customers (most of them members) and 1,000,000 orders over the
//   last two years, ~10% in store, with their cashback ledger, code uses,
//   occasion gifts, referrals and tier history, inserted with set-based SQL;
// - baseline: the bare aggregate (one GROUP BY over every order joined with
//   its order_summary, like the tier evaluation's);
// - the rollup rebuild (refreshAnalytics), first and second run: target
//   under 60 s, reported with the ratio to the aggregate;
// - the page's data, the nine reads, for the last 30 days and the last 12
//   months: each read's median, the page one read after the other and all
//   at once (as the browser loads it): target under 1 s.
// Checks (so `--quick` is a correctness check): the members total, the
// liability against every wallet's balance, and the orders, customers,
// in-store orders and cashback issued in each period against direct SQL.
//   npm run bench -- analytics [--quick] [--customers 100000] [--orders 1000000] [--repeats 3] [--explain]
require("./lib/fresh-store").main({ exec: "./bench/lib/analytics-exec.ts", seed: false })
