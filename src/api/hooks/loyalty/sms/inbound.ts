import { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { smsProviderOptions } from "../../../../providers/sms/config"
import { InboundReport } from "../../../../providers/sms/inbound/push"
import { SmsProviderOptions } from "../../../../providers/sms/types"
import { LoyaltyErrorCode } from "../../../../utils/error-codes"
import { recordInboundWorkflow } from "../../../../workflows/messages/workflows/record-inbound"

/**
 * The 403 of an inbound call that does not prove it comes from the gateway.
 * It says nothing of what was wrong (a missing secret, a bad signature), so
 * a prober learns nothing.
 */
export function signatureInvalid() {
  return new MedusaError(
    MedusaError.Types.FORBIDDEN,
    "The request's signature is not valid",
    LoyaltyErrorCode.INBOUND_SIGNATURE_INVALID
  )
}

/** The SMS provider's options, or a 403 when the store runs none (nothing to verify against). */
export function inboundOptions(req: MedusaRequest): SmsProviderOptions {
  const options = smsProviderOptions(req.scope)
  if (!options) {
    throw signatureInvalid()
  }
  return options
}

/** The store's public address: the SMS provider's `public_url`, else the loyalty module's. */
export function publicUrl(req: MedusaRequest, options: SmsProviderOptions): string {
  if (options.public_url) {
    return options.public_url.replace(/\/+$/, "")
  }
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  return service.getLinkOptions().public_url.replace(/\/+$/, "")
}

/** Records the reports through the workflow (once each) and acts on the new ones. */
export async function record(req: MedusaRequest, items: InboundReport[]) {
  if (!items.length) {
    return null
  }
  const { result } = await recordInboundWorkflow(req.scope).run({ input: { items } })
  return result
}
