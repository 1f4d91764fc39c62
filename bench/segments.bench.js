#!/usr/bin/env node
// Segments, RFM scores and campaigns benchmark (issue #18), run in a fresh,
// migrated store (no demo seed) by bench/lib/segments-exec.ts over the
// analytics benchmark's data set (bench/lib/analytics-data.ts) plus order
// lines in 40 categories and SMS preferences:
// - scoring 100,000 customers with 1,000,000 orders (`scoreCustomers`),
//   first and second run, against the bare aggregate over the same orders:
//   target under 20 s;
// - four segment counts (`countSegment`: an RFM segment; spend in the last
//   90 days and both channels; lapsing or in a top tier; a nested AND/OR),
//   median of 5 after a warm-up: target under 500 ms;
// - queuing a campaign to all 100,000 (`queueCampaignWorkflow`, holdout
//   10%, no gift): target under 60 s.
// Checks (so `--quick` is a correctness check): the scores against the
// orders and the RFM grid, each count against direct SQL, the campaign's
// recipients, holdout, skipped and queued messages against the segment.
//   npm run bench -- segments [--quick] [--customers 100000] [--orders 1000000] [--repeats 5] [--explain]
require("./lib/fresh-store").main({ exec: "./bench/lib/segments-exec.ts", seed: false })
