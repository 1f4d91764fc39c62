import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminOccasionRoutesMiddlewares: MiddlewareRoute[] = []
