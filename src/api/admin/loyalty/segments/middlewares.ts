import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminSegmentRoutesMiddlewares: MiddlewareRoute[] = []
