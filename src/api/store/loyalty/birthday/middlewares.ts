import { MiddlewareRoute } from "@medusajs/framework/http"

export const storeBirthdayRoutesMiddlewares: MiddlewareRoute[] = []
