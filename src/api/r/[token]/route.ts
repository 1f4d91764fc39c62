import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LoyaltyErrorCode } from "../../../utils/error-codes"
import { renderReceiptPage } from "../../../utils/receipt-page"
import { submitFeedbackWorkflow } from "../../../workflows/feedback"
import { answerProblem, openReceipt, receiptHref, receiptView, ReceiptOrder, sendHtml, sendReceiptNotice } from "../receipt"

const otherLanguage = (receipt: ReceiptOrder) => (receipt.locale === "fa" ? "en" : "fa")

/**
 * The receipt page a receipt SMS links to (`/r/<token>`): public, no login
 * and no publishable key, the signed token is the key. The shop, the items
 * and total, the cashback and when it can be spent, the balance and tier,
 * a one-tap rating, and for a member without an online account the way to
 * make one. An altered, expired or unknown link, or a canceled purchase,
 * is a page saying so.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const receipt = await openReceipt(req, res)
  if (!receipt) {
    return
  }
  const view = await receiptView(req.scope, receipt)
  sendHtml(
    res,
    200,
    renderReceiptPage({
      ...view,
      claim_href: receipt.has_account ? null : receiptHref(req, "/account", receipt.locale),
      language_href: receiptHref(req, "", otherLanguage(receipt)),
    })
  )
}

/**
 * The page's rating form (a plain form post: `rating` 1-5, `comment`
 * optional): saves the order's answer, a second one editing it, and shows
 * the page again with thanks and the answer. A bad answer shows the page
 * with the problem (400) and the comment kept.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const receipt = await openReceipt(req, res)
  if (!receipt) {
    return
  }
  const body = (req.body ?? {}) as Record<string, unknown>
  let problem: string | null = null
  try {
    await submitFeedbackWorkflow(req.scope).run({
      input: { order_id: receipt.id, rating: body.rating, comment: body.comment },
    })
  } catch (error: any) {
    if (error?.code === LoyaltyErrorCode.ORDER_CANCELED) {
      // Canceled since the page opened it: the same page as a later visit.
      return sendReceiptNotice(req, res, "canceled", receipt.customer_id)
    }
    problem = answerProblem(error, receipt.locale)
    if (!problem) {
      throw error
    }
  }
  const view = await receiptView(req.scope, receipt)
  sendHtml(
    res,
    problem ? 400 : 200,
    renderReceiptPage({
      ...view,
      answered: !problem,
      problem,
      draft: problem && typeof body.comment === "string" ? body.comment : null,
      claim_href: receipt.has_account ? null : receiptHref(req, "/account", receipt.locale),
      language_href: receiptHref(req, "", otherLanguage(receipt)),
    })
  )
}
