import { MiddlewareRoute } from "@medusajs/framework/http"

export const inboundSmsRoutesMiddlewares: MiddlewareRoute[] = []
