import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  queueTransferReceivedMessageStep,
  sendCreditTransferStep,
  SendCreditTransferWorkflowInput,
  validateCreditTransferStep,
} from "../steps"

export const sendCreditTransferWorkflowId = "loyalty-send-credit-transfer"

/**
 * A member sends part of their spendable credit to a mobile number. The
 * input is checked first (transfers on, amount, a mobile of the shop's
 * countries that is not the sender's own); then, under a lock on the
 * sender, the shop's limits (per transfer, per shop day in amount and
 * count) and the balance decide, and the amount leaves the sender's wallet
 * at once as a pending transfer that keeps the earliest expiry of the
 * credit sent. The recipient's `transfer_received` SMS carries a signed
 * claim link. The sender's key makes a retry answer the first transfer
 * (`created: false`, the SMS still once); a failed SMS queueing withdraws
 * a new transfer and gives the credit back.
 *
 * @example
 * const { result } = await sendCreditTransferWorkflow(container).run({
 *   input: {
 *     customer_id: "cus_123", currency_code: "irr", amount: "500000", phone: "09121234567",
 *     message: "Happy birthday!", idempotency_key: "4f1c...", actor_type: "customer", actor_id: "cus_123",
 *   },
 * })
 */
export const sendCreditTransferWorkflow = createWorkflow(
  sendCreditTransferWorkflowId,
  (input: SendCreditTransferWorkflowInput) => {
    const checked = validateCreditTransferStep(input)
    const sent = sendCreditTransferStep(checked)
    // A retry queues the SMS too: its key makes it once, and it is sent
    // even when the first run died between the debit and the queue.
    when({ sent }, ({ sent }) => sent.transfer.status === "pending").then(() => {
      queueTransferReceivedMessageStep(transform({ sent }, ({ sent }) => ({ transfer: sent.transfer })))
    })
    return new WorkflowResponse(sent)
  }
)
