import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { smsProviderOptions } from "../providers/sms/config"
import { readInbound } from "../providers/sms/inbound/pull"
import { recordInboundWorkflow } from "../workflows/messages/workflows/record-inbound"
import { loyaltyJob } from "./_tick"

export const config = {
  name: "loyalty-read-sms-replies",
  // Every five minutes: gateways without a forward URL (or a store that set
  // none) keep replies in an inbox the job reads. A reply read twice (a
  // push, then the pull) is recorded once.
  schedule: "*/5 * * * *",
}

/** Reads the gateway's inbox once and records what it holds; returns how many were new. */
export async function readSmsReplies(container: MedusaContainer, now = new Date()) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const options = smsProviderOptions(container)
  if (!options) {
    return { read: 0, recorded: 0 }
  }
  let items
  try {
    items = await readInbound(options, { now })
  } catch (error: any) {
    // The inbox is read again in five minutes; a failure is no reason to
    // stop the worker.
    logger.warn(`Loyalty club: SMS replies not read: ${error?.message ?? error}`)
    return { read: 0, recorded: 0, error: String(error?.message ?? error) }
  }
  if (!items.length) {
    return { read: 0, recorded: 0 }
  }
  const { result } = await recordInboundWorkflow(container).run({ input: { items } })
  if (result.opted_out || result.opted_in) {
    logger.info(`Loyalty club: SMS replies: ${result.opted_out} opted out of promotions, ${result.opted_in} back in`)
  }
  return { read: items.length, recorded: result.recorded, opted_out: result.opted_out }
}

export default loyaltyJob(config, async (container) => {
  await readSmsReplies(container)
})
