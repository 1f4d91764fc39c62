import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../modules/loyalty-club"
import LoyaltyClubModuleService from "../modules/loyalty-club/service"
import { signLinkToken, verifyLinkToken } from "./link-token"

/** The kind a receipt token is signed for (a claim link signs its own). */
export const RECEIPT_LINK_KIND = "receipt"

/**
 * Where public pages live and the secret links are signed with: the
 * module's `public_url` and `link_secret` options, the secret falling back
 * to the project's `http.cookieSecret` (known to the app, not the module).
 */
export function linkConfig(container: MedusaContainer): { public_url: string; secret: string } {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const options = service.getLinkOptions()
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const secret = options.link_secret ?? config.projectConfig.http.cookieSecret ?? ""
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
