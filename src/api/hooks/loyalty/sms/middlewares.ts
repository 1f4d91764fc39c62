import { MiddlewareRoute } from "@medusajs/framework/http"

/**
 * Gateways call these without a login: each route proves the caller itself
 * (Twilio's signature, our webhook's signature, Kavenegar's secret address).
 * The webhook's signature covers the exact bytes sent, so its raw body is
 * kept.
 */
export const inboundSmsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/hooks/loyalty/sms/webhook",
    bodyParser: { preserveRawBody: true },
  },
]
