import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { ComposeEvent, GiftType } from "../../../utils/sms-messages"
import { composeMessages, MessageBodies, MessageItem, prepareMessages } from "../compose-messages"

export const queueMessagesStepId = "loyalty-queue-messages"

export type QueueMessagesStepInput = {
  event: ComposeEvent
  items: MessageItem[]
  at?: Date | string
  /** An occasion's gift: which shipped wording its message takes. */
  gift?: GiftType | null
  /** A campaign's own wording and the campaign (see `composeMessages`). */
  bodies?: MessageBodies | null
  campaign_id?: string | null
}

// Rows written per statement.
const BATCH = 5000

/**
 * Composes and queues messages (see `composeMessages`), in batches; keys
 * already queued are left out, so a repeated event or job run queues
 * nothing new. The undo withdraws the rows this run queued (not yet sent:
 * the sender job only takes them later).
 */
export const queueMessagesStep = createStep(
  queueMessagesStepId,
  async (input: QueueMessagesStepInput, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const at = input.at ? new Date(input.at) : new Date()
    const setup = input.items.length
      ? await prepareMessages(container, input.event, at, { gift: input.gift, bodies: input.bodies })
      : null
    const messages = await composeMessages(container, input.event, input.items, at, setup, {
      bodies: input.bodies,
      campaign_id: input.campaign_id,
    })
    const ids: string[] = []
    for (let i = 0; i < messages.length; i += BATCH) {
      ids.push(...(await service.queueMessages(messages.slice(i, i + BATCH))))
    }
    return new StepResponse({ queued: ids, composed: messages.length }, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.withdrawQueuedMessages(ids)
  }
)
