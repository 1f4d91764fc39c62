import { SmsGatewayError } from "./errors"

export type RetryOptions = {
  maxAttempts: number
  baseMs: number
  /** Called before each wait, with the attempt that just failed (1-based). */
  onRetry?: (error: SmsGatewayError, attempt: number, delayMs: number) => void
}

/**
 * Runs `send` until it succeeds, fails permanently, or `maxAttempts` is
 * spent. Only transient gateway errors are retried: a refused key or an
 * empty balance fails the same way every time, and a caller's bad input is
 * not the gateway's to fix. The wait doubles each time (baseMs * 2^n) and is
 * jittered down to half, so senders that failed together do not return to
 * a recovering gateway together.
 *
 * A timeout or a dropped connection may come after the gateway took the
 * message, so a retry can deliver it twice. That is accepted: a late
 * duplicate is better than a cashback notice never sent, and the webhook
 * `id` and Ghasedak's `clientReferenceId` stay the same across attempts so
 * the far side can drop the repeat.
 */
export async function withRetry<T>(
  send: (attempt: number) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(attempt)
    } catch (error) {
      const retryable =
        error instanceof SmsGatewayError &&
        error.transient &&
        attempt < options.maxAttempts
      if (!retryable) {
        throw error
      }
      const ceiling = options.baseMs * 2 ** (attempt - 1)
      const delayMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
      options.onRetry?.(error, attempt, delayMs)
      await new Promise((resolve) => setTimeout(resolve, delayMs))
    }
  }
}
