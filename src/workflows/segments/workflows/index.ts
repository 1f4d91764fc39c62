export * from "./create-segments"
export * from "./delete-segments"
export * from "./update-segment"
