export * from "./claim-receipt-account"
export * from "./queue-receipt-message"
export * from "./submit-feedback"
