export * from "./register-purchase"
export * from "./resolve-member"
export * from "./pos-keys"
export * from "./one-time-codes"
