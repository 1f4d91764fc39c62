#!/usr/bin/env node
// Wallet ledger benchmark (issue: "Wallet ledger"), run in a fresh Medusa app
// by bench/lib/wallet-exec.js. Each figure is the plugin's operation against
// the same operation written as plain SQL on the same database in the same
// run.
//   npm run bench -- wallet [--wallets 10000] [--lots 1000000] [--debits 4000]
require("./lib/fresh-store").main({ exec: "./bench/lib/wallet-exec.js" })
