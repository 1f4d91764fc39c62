import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { AccountProblem, AccountView, renderAccountPage } from "../../../../utils/receipt-page-account"
import { sendOneTimeCodeWorkflow } from "../../../../workflows/pos/workflows"
import { accountClaimProblem, claimReceiptAccountWorkflow } from "../../../../workflows/feedback"
import { clientAddress } from "../../../store/loyalty/sign-up/route"
import { openReceipt, receiptHref, ReceiptOrder, sendHtml } from "../../receipt"

const text = (value: unknown, max: number) => (typeof value === "string" ? value.trim().slice(0, max) : "")

function page(req: MedusaRequest, receipt: ReceiptOrder, view: Partial<AccountView> & Pick<AccountView, "step" | "phone">) {
  return renderAccountPage({
    locale: receipt.locale,
    store_name: receipt.store_name,
    receipt_href: receiptHref(req, "", receipt.locale),
    language_href: receiptHref(req, "/account", receipt.locale === "fa" ? "en" : "fa"),
    ...view,
  })
}

/**
 * "Claim your account" of a receipt (`/r/<token>/account`): a member
 * registered at a till, with no online login, makes one. The code goes to
 * the phone the club knows the member by, never to one typed here.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const receipt = await openReceipt(req, res)
  if (!receipt) {
    return
  }
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const phone = receipt.has_account ? null : await service.retrieveMemberPhoneOf(receipt.customer_id)
  sendHtml(
    res,
    200,
    page(req, receipt, {
      step: receipt.has_account ? "has_account" : "start",
      phone,
      problem: receipt.has_account || phone ? null : "no_phone",
    })
  )
}

/**
 * `step=send` texts the one-time code (the kiosk's sign-up codes: same
 * limits per phone and address, same 5 minutes); `step=claim` checks the
 * code and makes the login (`claimReceiptAccountWorkflow`). Every refusal
 * is the page again with what to do (400), never an error page.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const receipt = await openReceipt(req, res)
  if (!receipt) {
    return
  }
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  if (receipt.has_account) {
    sendHtml(res, 200, page(req, receipt, { step: "has_account", phone: null }))
    return
  }
  const phone = await service.retrieveMemberPhoneOf(receipt.customer_id)
  if (!phone) {
    sendHtml(res, 400, page(req, receipt, { step: "start", phone, problem: "no_phone" }))
    return
  }
  const body = (req.body ?? {}) as Record<string, unknown>
  if (body.step !== "claim") {
    const { signup_behind_proxy } = await service.retrieveSettings()
    // A phone outside the club's countries gets no code (the kiosk's rule).
    const { result, errors } = await sendOneTimeCodeWorkflow(req.scope).run({
      input: { phone, purpose: "signup", ip: clientAddress(req, signup_behind_proxy) },
      throwOnError: false,
    })
    if (errors.length) {
      if ((errors[0].error as any)?.type !== "invalid_data") {
        throw errors[0].error
      }
      sendHtml(res, 400, page(req, receipt, { step: "start", phone: null, problem: "no_phone" }))
      return
    }
    sendHtml(
      res,
      result.limited ? 429 : 200,
      page(req, receipt, { step: result.limited ? "start" : "code", phone, problem: result.limited ? "limited" : null })
    )
    return
  }
  const claim = {
    customer_id: receipt.customer_id,
    phone,
    code: text(body.code, 12).replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))),
    email: text(body.email, 254).toLowerCase(),
    password: typeof body.password === "string" ? body.password.slice(0, 201) : "",
  }
  const refuse = (problem: AccountProblem) =>
    sendHtml(res, 400, page(req, receipt, { step: "code", phone, email: claim.email, problem }))
  const problem = await accountClaimProblem(req.scope, claim)
  if (problem === "has_account") {
    sendHtml(res, 200, page(req, receipt, { step: "has_account", phone: null }))
    return
  }
  if (problem) {
    return refuse(problem)
  }
  try {
    await claimReceiptAccountWorkflow(req.scope).run({ input: claim })
  } catch (error: any) {
    if (error?.type === "invalid_data") {
      return refuse("code_wrong")
    }
    if (error?.type === "not_allowed") {
      return refuse("email_taken")
    }
    throw error
  }
  sendHtml(res, 200, page(req, receipt, { step: "done", phone, email: claim.email }))
}
