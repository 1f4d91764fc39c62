#!/usr/bin/env node
// Expiry reminder benchmark (issue "SMS notifications and scheduled jobs"),
// run in a fresh store by bench/lib/reminder-exec.ts: the reminder job over
// 100,000 customers with credit expiring in 7 days, against one raw
// INSERT ... SELECT of the same number of rows as the baseline.
//   npm run bench -- reminders [--customers 100000]
require("./lib/fresh-store").main({ exec: "./bench/lib/reminder-exec.ts", seed: false })
