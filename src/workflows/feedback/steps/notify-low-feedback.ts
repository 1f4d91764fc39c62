import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { formatMoney } from "../../../utils/sms-messages"
import { FeedbackOrder } from "./resolve-feedback-order"

export const notifyLowFeedbackStepId = "loyalty-notify-low-feedback"

const fa = (n: number | string) => new Intl.NumberFormat("fa-IR", { useGrouping: false }).format(n as number)

/**
 * The admin notice of a low answer in Medusa's notification feed (channel
 * `feed`, template `admin-ui`, what the dashboard's bell shows), once per
 * order: the answer's `notified_at` is claimed first, so two answers sent
 * at once, or an answer edited low again, notify once; the notification's
 * idempotency key ("loyalty-feedback-low:<order>") covers a retried run.
 * Written in the shop's language. The undo releases the claim (a notice
 * already in the feed stays: it told the truth when it was written).
 */
export const notifyLowFeedbackStep = createStep(
  notifyLowFeedbackStepId,
  async (input: FeedbackOrder & { gift_amount: string | null }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const settings = await service.retrieveSettings()
    if (input.rating > settings.feedback_low_rating) {
      return new StepResponse<{ notified: boolean }, string | null>({ notified: false }, null)
    }
    const claimed = await service.claimFeedbackNotice({
      order_id: input.order_id,
      low_rating: settings.feedback_low_rating,
    })
    if (!claimed) {
      return new StepResponse<{ notified: boolean }, string | null>({ notified: false }, null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["first_name", "last_name", "email"],
      filters: { id: input.customer_id },
    })
    const c: any = customers[0] ?? {}
    const persian = settings.default_locale === "fa"
    const name = [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email || input.customer_id
    const order = input.display_id ?? input.order_id
    const comment = claimed.comment ? ` «${claimed.comment.slice(0, 200)}»` : ""
    const gift = input.gift_amount
      ? formatMoney(
          { amount: input.gift_amount, currency_code: input.currency_code },
          { locale: persian ? "fa" : "en", money_display: settings.money_display, time_zone: settings.time_zone }
        )
      : null
    const where = input.channel === "till" ? input.location ?? (persian ? "فروشگاه" : "in store") : persian ? "آنلاین" : "online"
    const data = persian
      ? {
          title: `امتیاز پایین: ${fa(claimed.rating)} از ۵ برای سفارش ${fa(order)}`,
          description: `${name} (${where})${comment}${gift ? `. هدیهٔ عذرخواهی: ${gift}` : ""}`,
        }
      : {
          title: `Low rating: ${claimed.rating}/5 for order #${order}`,
          description: `${name} (${where})${comment}${gift ? `. Apology credit: ${gift}` : ""}`,
        }
    await container.resolve(Modules.NOTIFICATION).createNotifications([
      {
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: { ...data, order_id: input.order_id, feedback_id: claimed.id, rating: claimed.rating },
        idempotency_key: `loyalty-feedback-low:${input.order_id}`,
      },
    ])
    return new StepResponse<{ notified: boolean }, string | null>({ notified: true }, claimed.id)
  },
  async (feedbackId, { container }) => {
    if (!feedbackId) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.releaseFeedbackNotice(feedbackId)
  }
)
