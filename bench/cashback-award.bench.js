#!/usr/bin/env node
// Cashback award benchmark (issue: "Cashback rules and awarding"), run in a
// fresh demo store by bench/lib/award-exec.ts:
// - placement: completing prepared carts with the plugin's order.placed
//   subscriber registered vs not, interleaved rounds in the same run;
// - award: awardOrderCashbackWorkflow over the placed orders (orders/s).
//   npm run bench -- cashback-award [--orders 2000] [--placements 200] [--rounds 4] [--concurrency 4]
require("./lib/fresh-store").main({ exec: "./bench/lib/award-exec.ts", seed: true })
