import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminCustomerBirthdayRoutesMiddlewares: MiddlewareRoute[] = []
