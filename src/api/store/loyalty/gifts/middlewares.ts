import { MiddlewareRoute } from "@medusajs/framework/http"

export const storeGiftRoutesMiddlewares: MiddlewareRoute[] = []
