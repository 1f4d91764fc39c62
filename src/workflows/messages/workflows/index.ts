export * from "./queue-messages"
