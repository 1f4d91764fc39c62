#!/usr/bin/env node
// Checkout with wallet credit vs the same checkout without it (issue: "Pay
// with wallet credit at checkout"), run in a fresh demo store by
// bench/lib/checkout-exec.ts: prepared carts completed in turn without
// credit, with our wallet credit, and (with --with-official) with the store
// credit of Medusa's own @medusajs/loyalty-plugin, loaded in the same store;
// median completion time of each.
//   npm run bench -- checkout-credit [--checkouts 30] [--with-official]
const withOfficial = process.argv.includes("--with-official")
require("./lib/fresh-store").main({
  exec: "./bench/lib/checkout-exec.ts",
  seed: true,
  env: withOfficial ? { LOYALTY_WITH_OFFICIAL_PLUGIN: "true" } : {},
})
