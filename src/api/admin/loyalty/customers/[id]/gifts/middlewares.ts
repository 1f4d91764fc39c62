import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminCustomerGiftRoutesMiddlewares: MiddlewareRoute[] = []
