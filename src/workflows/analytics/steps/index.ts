export * from "./refresh-analytics"
