import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminCodeBatchRoutesMiddlewares: MiddlewareRoute[] = []
