import { MedusaError } from "@medusajs/framework/utils"
import { GatewayName } from "./types"

/**
 * A gateway refused or could not take a message. `code` is the gateway's own
 * code (kavenegar `return.status`, Twilio's `code`, or the HTTP status when
 * the gateway gave nothing better) so support can look it up in the
 * gateway's table; `transient` says whether sending again later may work.
 */
export class SmsGatewayError extends MedusaError {
  readonly gateway: GatewayName
  readonly transient: boolean
  readonly http_status?: number

  constructor(input: {
    gateway: GatewayName
    code: string | number
    description: string
    transient: boolean
    http_status?: number
  }) {
    super(
      MedusaError.Types.UNEXPECTED_STATE,
      `${input.gateway}: ${input.code} ${input.description}`.trim(),
      String(input.code)
    )
    this.name = "SmsGatewayError"
    this.gateway = input.gateway
    this.transient = input.transient
    this.http_status = input.http_status
  }
}

// 408 and 429 ask the client to come back later; a 5xx is the gateway's own
// trouble. Every other 4xx will fail the same way on every attempt.
export function isTransientHttpStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408
}
