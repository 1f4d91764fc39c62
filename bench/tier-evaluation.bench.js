#!/usr/bin/env node
// Tier evaluation benchmark (issue: "Customer tiers"), run in a fresh,
// migrated store (no demo seed) by bench/lib/tier-exec.ts:
// - 100,000 customers with 1,000,000 orders, inserted with set-based SQL;
// - baseline: the evaluation's single SQL aggregate alone (median);
// - evaluateTiersWorkflow: first run (everyone placed), steady state (no
//   change), 400 days later (grace marks), after the grace (downgrades);
//   target: under 60 s, reported with the ratio to the aggregate.
//   npm run bench -- tier-evaluation [--customers 100000] [--orders 1000000] [--repeats 3]
require("./lib/fresh-store").main({ exec: "./bench/lib/tier-exec.ts", seed: false })
