export * from "./update-loyalty-settings"
