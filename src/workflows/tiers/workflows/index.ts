export * from "./evaluate-tiers"
export * from "./tier-crud"
