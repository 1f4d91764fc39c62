export * from "./pos"
export * from "./hand-over-pos-order"
