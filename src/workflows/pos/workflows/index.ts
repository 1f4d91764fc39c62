export * from "./pos"
