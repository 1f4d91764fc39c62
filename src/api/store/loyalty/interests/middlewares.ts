import { MiddlewareRoute } from "@medusajs/framework/http"

export const storeInterestRoutesMiddlewares: MiddlewareRoute[] = []
