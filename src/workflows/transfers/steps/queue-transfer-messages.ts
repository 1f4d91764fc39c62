import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { CreditTransferRow } from "../../../modules/loyalty-club/services/transfers"
import { QueueMessageInput } from "../../../modules/loyalty-club/types"
import { renderMessage } from "../../../utils/sms-messages"
import { publicLink } from "../../../utils/receipt-page-links"
import { composeMessages, prepareMessages } from "../../messages/compose-messages"

/** The kind a claim link's token is signed for: a receipt token never opens a claim. */
export const TRANSFER_LINK_KIND = "transfer"

/** The claim page of a transfer: a signed link that stops working when the claim window closes. */
export function claimLink(container: MedusaContainer, transfer: Pick<CreditTransferRow, "id" | "claim_expires_at">) {
  return publicLink(container, TRANSFER_LINK_KIND, transfer.id, new Date(transfer.claim_expires_at), "/r/t")
}

async function withdraw(ids: string[] | undefined, { container }: { container: MedusaContainer }) {
  if (!ids?.length) {
    return
  }
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  await service.withdrawQueuedMessages(ids)
}

export const queueTransferReceivedMessageStepId = "loyalty-queue-transfer-received-message"

/**
 * Queues the `transfer_received` SMS to the phone the credit was sent to:
 * the sender's first name, the amount, the claim deadline (in the
 * recipient's language, Jalali in Persian) and the claim link. A phone with
 * a member gets it in the member's language, unless they opted out; a
 * phone with no customer yet gets it in the shop's language, queued with
 * the phone itself and no customer (`customer_id` null; `data.transfer_id`
 * says what it is about). Keyed `transfer_received:<transfer>:once`. The
 * undo withdraws it.
 */
export const queueTransferReceivedMessageStep = createStep(
  queueTransferReceivedMessageStepId,
  async (input: { transfer: CreditTransferRow }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { transfer } = input
    const at = new Date()
    const [{ data: senders }, member] = await Promise.all([
      query.graph({ entity: "customer", fields: ["id", "first_name"], filters: { id: transfer.sender_customer_id } }),
      service.retrieveMemberByPhone(transfer.recipient_phone),
    ])
    const item = {
      customer_id: member?.customer_id ?? null,
      subject: transfer.id,
      amount: { amount: transfer.amount, currency_code: transfer.currency_code },
      expires_at: new Date(transfer.claim_expires_at),
      link: claimLink(container, transfer),
      sender_name: ((senders[0] as any)?.first_name as string | undefined) ?? null,
      data: { transfer_id: transfer.id },
    }
    let messages: QueueMessageInput[]
    if (member) {
      // The member's language and opt-out; the number is the one the credit
      // was sent to, proven by the member's code, whatever their account says.
      messages = (
        await composeMessages(container, "transfer_received", [{ ...item, customer_id: member.customer_id }], at)
      ).map((m) =>
        m.reason === "no_phone"
          ? { ...m, phone: transfer.recipient_phone, status: "queued", reason: null }
          : { ...m, phone: transfer.recipient_phone }
      )
    } else {
      const setup = await prepareMessages(container, "transfer_received", at)
      const known = setup && (await service.listExistingMessageKeys([`transfer_received:${transfer.id}:once`]))
      messages =
        !setup || known!.size
          ? []
          : [
              {
                customer_id: item.customer_id,
                event: "transfer_received",
                locale: setup.defaultLocale,
                phone: transfer.recipient_phone,
                body: renderMessage(
                  setup.templateOf(setup.defaultLocale).body,
                  { ...item, store_name: setup.storeName },
                  { locale: setup.defaultLocale, money_display: setup.settings.money_display, time_zone: setup.settings.time_zone }
                ),
                gateway_template: null,
                idempotency_key: `transfer_received:${transfer.id}:once`,
                send_after: setup.notBefore,
                data: item.data,
              },
            ]
    }
    const ids = await service.queueMessages(messages)
    return new StepResponse({ queued: ids }, ids)
  },
  withdraw
)

export const queueTransferReturnedMessagesStepId = "loyalty-queue-transfer-returned-messages"

/**
 * Queues the `transfer_returned` SMS to each sender whose credit came back
 * (the amount and the wallet's balance after it), keyed by the transfer.
 * The undo withdraws them.
 */
export const queueTransferReturnedMessagesStep = createStep(
  queueTransferReturnedMessagesStepId,
  async (input: { transfers: CreditTransferRow[] }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const messages = await composeMessages(
      container,
      "transfer_returned",
      input.transfers.map((t) => ({
        customer_id: t.sender_customer_id,
        subject: t.id,
        amount: { amount: t.amount, currency_code: t.currency_code },
        data: { transfer_id: t.id },
      })),
      new Date()
    )
    const ids = await service.queueMessages(messages)
    return new StepResponse({ queued: ids }, ids)
  },
  withdraw
)
