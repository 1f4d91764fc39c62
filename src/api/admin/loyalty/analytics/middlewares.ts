import { MiddlewareRoute } from "@medusajs/framework/http"

// Filled in by the analytics routes.
export const adminAnalyticsRoutesMiddlewares: MiddlewareRoute[] = []
