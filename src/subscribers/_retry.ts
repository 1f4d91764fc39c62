import { SubscriberArgs } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { setTimeout as sleep } from "timers/promises"

// (The leading underscore keeps Medusa's subscriber loader from taking this
// file for a subscriber.)

// PostgreSQL error classes a second try can get past: serialization failure,
// deadlock, lock_timeout, the server going away or refusing connections.
const TRANSIENT_SQLSTATES = new Set([
  "40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300",
  "08000", "08001", "08003", "08004", "08006",
])
const TRANSIENT_SOCKET_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN"])
// Errors that reach us through a workflow arrive serialized (type, code and
// message kept): a busy wallet and a lock not had in time are CONFLICTs, a
// pool with no free connection is knex's timeout.
const TRANSIENT_MESSAGES = /Timed-out acquiring lock|Failed to acquire lock|is busy, try again|Timeout acquiring a connection|Connection terminated|terminating connection/

/** Whether an error is one a retry a moment later can get past. */
export function isTransientError(error: any): boolean {
  if (!error) {
    return false
  }
  const code = String(error.code ?? "")
  if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SOCKET_CODES.has(code)) {
    return true
  }
  return TRANSIENT_MESSAGES.test(String(error.message ?? ""))
}

/** Tries in this process, including the first. */
export const IN_PROCESS_ATTEMPTS = 3
const BASE_DELAY_MS = 250

/**
 * Wraps a subscriber so a transient failure (a lock timeout, a
 * serialization failure, a dropped connection) is tried again here, after
 * 250 ms then 1 s (with jitter), before the error goes up. Every failure
 * does go up in the end: the subscriber never swallows it, so the Redis
 * event bus retries the event with its own backoff (medusa-config's
 * `jobOptions`), and what still fails is left to the catch-up job. The
 * workflows subscribers run are keyed, so a retry pays nothing twice.
 */
export function retryingTransientFailures<T>(
  subscriber: (args: SubscriberArgs<T>) => Promise<void>
) {
  const retrying = async (args: SubscriberArgs<T>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await subscriber(args)
      } catch (error: any) {
        if (attempt >= IN_PROCESS_ATTEMPTS || !isTransientError(error)) {
          throw error
        }
        const delay = BASE_DELAY_MS * 4 ** (attempt - 1) * (0.75 + Math.random() * 0.5)
        args.container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(
            `Loyalty club: ${subscriber.name} failed on ${args.event.name} (${error?.message}); trying again in ${Math.round(delay)} ms`
          )
        await sleep(delay)
      }
    }
  }
  Object.defineProperty(retrying, "name", { value: subscriber.name })
  return retrying
}
