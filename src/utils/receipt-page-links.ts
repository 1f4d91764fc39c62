import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../modules/loyalty-club"
import LoyaltyClubModuleService from "../modules/loyalty-club/service"
import { signLinkToken, verifyLinkToken } from "./link-token"

/** The kind a receipt token is signed for (a claim link signs its own). */
export const RECEIPT_LINK_KIND = "receipt"

// Medusa's default cookie secret: anyone who read its docs signs with it.
const MEDUSA_DEFAULT_SECRET = "supersecret"
let warnedWeakSecret = false

/**
 * Where public pages live and the secret links are signed with: the
 * module's `public_url` and `link_secret` options, the secret falling back
 * to the project's `http.cookieSecret` (known to the app, not the module).
 * A fallback that is Medusa's default or short makes every link forgeable:
 * the first use says so once in the log (the demo runs on the defaults, so
 * it is a warning, not a refusal).
 */
export function linkConfig(container: MedusaContainer): { public_url: string; secret: string } {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const options = service.getLinkOptions()
  if (options.link_secret) {
    return { public_url: options.public_url, secret: options.link_secret }
  }
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const secret = config.projectConfig.http.cookieSecret ?? ""
  if (!warnedWeakSecret && (secret === MEDUSA_DEFAULT_SECRET || secret.length < 16)) {
    warnedWeakSecret = true
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        "Loyalty club: receipt and credit-claim links are signed with the project's http.cookieSecret, " +
          `which is ${secret === MEDUSA_DEFAULT_SECRET ? `Medusa's default "${MEDUSA_DEFAULT_SECRET}"` : "shorter than 16 characters"}: ` +
          "anyone can forge them. Set LOYALTY_LINK_SECRET (or the module's link_secret option) to a long random string."
      )
  }
  return { public_url: options.public_url, secret }
}

/** A signed link to a page under `/r/`, e.g. `publicLink(container, "receipt", order.id, expiresAt)`. */
export function publicLink(
  container: MedusaContainer,
  kind: string,
  id: string,
  expiresAt: Date,
  path = "/r"
): string {
  const { public_url, secret } = linkConfig(container)
  return `${public_url}${path}/${signLinkToken({ kind, id, expires_at: expiresAt }, secret)}`
}

/** Reads a link's token with the app's secret (see `verifyLinkToken`). */
export function readPublicLink(container: MedusaContainer, kind: string, token: unknown, now = new Date()) {
  return verifyLinkToken(token, { kind, secret: linkConfig(container).secret, now })
}
