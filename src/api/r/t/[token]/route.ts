import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { CreditTransferRow } from "../../../../modules/loyalty-club/services/transfers"
import { LoyaltyErrorCode } from "../../../../utils/error-codes"
import { readPublicLink } from "../../../../utils/receipt-page-links"
import { MessageLocale } from "../../../../utils/sms-messages"
import { shopName } from "../../../../workflows/messages/compose-messages"
import {
  claimCreditTransferWorkflow,
  sendTransferClaimCodeWorkflow,
  TRANSFER_LINK_KIND,
} from "../../../../workflows/transfers"
import { shopperLanguage } from "../../../utils/locale"
import { sendHtml } from "../../receipt"
import { clientAddress } from "../../../store/loyalty/sign-up/route"
import { ClaimView, renderClaimNotice, renderClaimPage } from "../claim-page"

type Opened = { transfer: CreditTransferRow; base: Omit<ClaimView, "state" | "problem"> }

/**
 * Opens a claim link: its transfer in the page's language (`?lang=`, else
 * the phone's member's SMS language, else the shop's). An altered or
 * unknown link, or one whose window closed, has been answered with a
 * friendly page (404, 410) when this returns null.
 */
async function openClaim(req: MedusaRequest, res: MedusaResponse): Promise<Opened | null> {
  const container = req.scope
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const settings = await service.retrieveSettings()
  const lang = typeof req.query.lang === "string" ? req.query.lang : null
  const link = readPublicLink(container, TRANSFER_LINK_KIND, req.params.token)
  const transfer = link.ok ? await service.getCreditTransfer(link.id).catch(() => null) : null
  if (!transfer) {
    const locale = await shopperLanguage(container, lang)
    const expired = !link.ok && link.reason === "expired"
    sendHtml(res, expired ? 410 : 404, renderClaimNotice(locale, expired ? "expired" : "invalid", await shopName(container, settings)))
    return null
  }
  const [member, sender] = await Promise.all([
    service.retrieveMemberByPhone(transfer.recipient_phone),
    container
      .resolve("query")
      .graph({ entity: "customer", fields: ["first_name"], filters: { id: transfer.sender_customer_id } }),
  ])
  const locale: MessageLocale = await shopperLanguage(container, lang, member?.customer_id)
  const href = `/r/t/${encodeURIComponent(req.params.token)}`
  return {
    transfer,
    base: {
      format: { locale, money_display: settings.money_display, time_zone: settings.time_zone },
      store_name: await shopName(container, settings),
      sender_name: (sender.data[0] as any)?.first_name ?? null,
      amount: transfer.amount,
      currency_code: transfer.currency_code,
      message: transfer.message,
      phone: transfer.recipient_phone,
      claim_expires_at: transfer.claim_expires_at,
      credit_expires_at: transfer.credit_expires_at,
      action_href: `${href}?lang=${locale}`,
      language_href: `${href}?lang=${locale === "fa" ? "en" : "fa"}`,
    },
  }
}

/** Where a transfer's story stands for someone holding its link. */
function stateOf(transfer: CreditTransferRow): ClaimView["state"] {
  if (transfer.status !== "pending") {
    return transfer.status
  }
  return new Date(transfer.claim_expires_at) > new Date() ? "start" : "closed"
}

/** The claim page: who sent what and until when; a code to ask for. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const opened = await openClaim(req, res)
  if (opened) {
    sendHtml(res, 200, renderClaimPage({ ...opened.base, state: stateOf(opened.transfer) }))
  }
}

/**
 * The page's two forms: `action=code` texts the one-time code to the
 * transfer's phone (the sign-up's limits apply), `action=claim` with
 * `code` claims the credit, making the phone's owner a member if new.
 * Problems (a wrong code, too many codes) come back on the page.
 */
export const POST = async (req: MedusaRequest<{ action?: string; code?: string }>, res: MedusaResponse) => {
  const opened = await openClaim(req, res)
  if (!opened) {
    return
  }
  const { base, transfer } = opened
  const render = (status: number, state: ClaimView["state"], problem: ClaimView["problem"] = null) =>
    sendHtml(res, status, renderClaimPage({ ...base, state, problem }))
  if (stateOf(transfer) !== "start") {
    return render(409, stateOf(transfer))
  }
  const body = (req.body ?? {}) as { action?: unknown; code?: unknown }
  const token = req.params.token
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  if (body.action === "claim") {
    const code = typeof body.code === "string" ? body.code.trim().slice(0, 12) : ""
    if (!code) {
      return render(400, "code_sent", "no_code")
    }
    try {
      const { result } = await claimCreditTransferWorkflow(req.scope).run({ input: { token, code } })
      return sendHtml(
        res,
        200,
        renderClaimPage({ ...base, credit_expires_at: result.transfer.credit_expires_at, state: "claimed_now" })
      )
    } catch (error: any) {
      if (error?.type === MedusaError.Types.INVALID_DATA && error?.code !== LoyaltyErrorCode.TRANSFER_LINK_INVALID) {
        return render(400, "code_sent", "wrong_code")
      }
      if (error?.type === MedusaError.Types.NOT_ALLOWED) {
        return render(409, stateOf(await service.getCreditTransfer(transfer.id)))
      }
      throw error
    }
  }
  const { signup_behind_proxy } = await service.retrieveSettings()
  const { result } = await sendTransferClaimCodeWorkflow(req.scope).run({
    input: { token, ip: clientAddress(req, signup_behind_proxy) },
  })
  return result.limited ? render(429, "start", "limited") : render(200, "code_sent")
}
