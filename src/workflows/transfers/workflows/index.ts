export * from "./claim-credit-transfer"
export * from "./return-unclaimed-transfers"
export * from "./send-credit-transfer"
