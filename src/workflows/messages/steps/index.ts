export * from "./queue-messages"
export * from "./send-due-messages"
export * from "./find-message-recipients"
export * from "./upsert-message-template"
