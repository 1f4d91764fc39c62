import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { MathBN } from "@medusajs/framework/utils"
import {
  findExpiringCreditStep,
  MessageTemplateInput,
  queueMessagesStep,
  QueueMessagesStepInput,
  sendDueMessagesStep,
  upsertMessageTemplateStep,
} from "../steps"
import { walletCreditPaid } from "../../checkout/constants"

export const queueMessagesWorkflowId = "loyalty-queue-messages"

/**
 * Queues one kind of message for some customers (composed in their
 * language, after quiet hours, keyed by event + subject, and the shop day
 * for reminders and statements: see `composeMessages`). The sender job
 * sends them.
 *
 * @example
 * await queueMessagesWorkflow(container).run({
 *   input: { event: "cashback_credited", items: [{ customer_id: "cus_123",
 *     subject: "order_123", amount: { amount: "1850000", currency_code: "irr" } }] },
 * })
 */
export const queueMessagesWorkflow = createWorkflow(
  queueMessagesWorkflowId,
  (input: QueueMessagesStepInput) => {
    return new WorkflowResponse(queueMessagesStep(input))
  }
)

export const queueCreditRedeemedMessageWorkflowId = "loyalty-queue-credit-redeemed-message"

/**
 * After an order paid partly with wallet credit: tells the customer what
 * they paid with credit and what is left.
 *
 * @example
 * await queueCreditRedeemedMessageWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const queueCreditRedeemedMessageWorkflow = createWorkflow(
  queueCreditRedeemedMessageWorkflowId,
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "customer_id", "currency_code", "credit_lines.reference", "credit_lines.raw_amount", "credit_lines.amount"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const paid = transform({ orders }, ({ orders }) => {
      const order: any = orders[0]
      return { order, amount: walletCreditPaid(order).toFixed() }
    })
    const result = when({ paid }, ({ paid }) => !!paid.order.customer_id && MathBN.gt(paid.amount, 0)).then(() =>
      queueMessagesStep(
        transform({ paid }, ({ paid }) => ({
          event: "credit_redeemed" as const,
          items: [
            {
              customer_id: paid.order.customer_id,
              subject: paid.order.id,
              amount: { amount: paid.amount, currency_code: paid.order.currency_code },
              data: { order_id: paid.order.id },
            },
          ],
        }))
      )
    )
    return new WorkflowResponse({ result })
  }
)

export const queueTierMessageWorkflowId = "loyalty-queue-tier-message"

/**
 * Congratulates a customer on a new tier (`loyalty.tier.upgraded`). The
 * move (its tier history row) is the message's subject: every move is
 * texted once, however many customers reach the same tier that day.
 *
 * @example
 * await queueTierMessageWorkflow(container).run({
 *   input: { customer_id: "cus_123", tier_id: "ltier_gold", history_id: "lthis_123" },
 * })
 */
export const queueTierMessageWorkflow = createWorkflow(
  queueTierMessageWorkflowId,
  (input: { customer_id: string; tier_id: string; history_id: string }) => {
    const { data: tiers } = useQueryGraphStep({
      entity: "tier",
      fields: ["id", "name", "names", "currency_code"],
      filters: { id: input.tier_id },
    })
    const result = when({ tiers }, ({ tiers }) => tiers.length > 0).then(() =>
      queueMessagesStep(
        transform({ tiers, input }, ({ tiers, input }) => ({
          event: "tier_upgraded" as const,
          items: [
            {
              customer_id: input.customer_id,
              subject: input.history_id,
              tier: (tiers[0] as any).name,
              tier_names: (tiers[0] as any).names ?? null,
              currency_code: (tiers[0] as any).currency_code,
            },
          ],
        }))
      )
    )
    return new WorkflowResponse({ result })
  }
)

export const queueExpiryRemindersWorkflowId = "loyalty-queue-expiry-reminders"

/**
 * Queues reminders for credit expiring on the shop's reminder days (only to
 * customers who have some). Safe to run every hour: each wallet gets one
 * reminder a day.
 *
 * @example
 * await queueExpiryRemindersWorkflow(container).run({ input: {} })
 */
export const queueExpiryRemindersWorkflow = createWorkflow(
  queueExpiryRemindersWorkflowId,
  (input: { at?: Date | string }) => {
    const items = findExpiringCreditStep(input)
    return new WorkflowResponse(
      queueMessagesStep(
        transform({ items, input }, ({ items, input }) => ({
          event: "expiry_reminder" as const,
          items,
          at: input.at,
        }))
      )
    )
  }
)

export const sendDueMessagesWorkflowId = "loyalty-send-due-messages"

/**
 * Sends the messages whose time has come (see `sendDueMessagesStep`).
 *
 * @example
 * await sendDueMessagesWorkflow(container).run({ input: {} })
 */
export const sendDueMessagesWorkflow = createWorkflow(
  sendDueMessagesWorkflowId,
  (input: { at?: Date | string; limit?: number }) => {
    return new WorkflowResponse(sendDueMessagesStep(input))
  }
)

export const upsertMessageTemplateWorkflowId = "loyalty-upsert-message-template"

/**
 * Saves the shop's wording of a message in one language (`body: null`: back
 * to the shipped wording).
 *
 * @example
 * await upsertMessageTemplateWorkflow(container).run({
 *   input: { event: "cashback_credited", locale: "fa", body: "{first_name} جان، {amount} هدیه گرفتید" },
 * })
 */
export const upsertMessageTemplateWorkflow = createWorkflow(
  upsertMessageTemplateWorkflowId,
  (input: MessageTemplateInput) => {
    return new WorkflowResponse(upsertMessageTemplateStep(input))
  }
)
