export * from "./queue-messages"
export * from "./record-inbound"
