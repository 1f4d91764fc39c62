#!/usr/bin/env node
// Discount code benchmark (issue "Personal discount codes and occasions"),
// run in a fresh demo store by bench/lib/codes-exec.ts: a bulk batch of
// 100,000 codes made (target: under 60 s), then applying a code to a cart
// through core's updateCartPromotionsWorkflow (the club's hooks included,
// each code's first use making its promotion) with 10 codes in the store
// and with 100,000 (target: at most 1.1 times), median of several applies.
// The third figure, the occasion job over 100,000 customers, is
// bench/occasions.bench.js: the full run runs it after the codes (`--quick`
// runs it on its own turn).
//   npm run bench -- codes [--codes 100000] [--applies 7]
const { spawnSync } = require("child_process")
const path = require("path")
const { runInFreshStore } = require("./lib/fresh-store")

const args = process.argv.slice(2)
runInFreshStore({ exec: "./bench/lib/codes-exec.ts", seed: true })
  .then(() => {
    if (args.includes("--quick")) {
      return
    }
    const occasions = spawnSync(process.execPath, [path.join(__dirname, "occasions.bench.js")], { stdio: "inherit" })
    process.exitCode = occasions.status ?? 1
  })
  .catch((error) => {
    process.stderr.write(`bench failed: ${error.message}\n`)
    process.exit(1)
  })
