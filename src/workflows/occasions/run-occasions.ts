import { MedusaContainer } from "@medusajs/framework/types"
import { OCCASION_KINDS, OccasionKind } from "../../utils/occasions"
import { runOccasionWorkflow } from "./workflows/run-occasion"

export type OccasionRunResult = {
  kind: OccasionKind
  /** Grants written (to give) and written as given nothing (a birthday changed too recently). */
  pending: number
  skipped: number
  given: number
  failed: number
}

/**
 * Every occasion (or the ones asked for) on the shop day of `at`: each
 * writes its grants once, then gives them a page at a time until none is
 * left. Safe to run every hour and twice at once: the grants' key and the
 * claims decide who gives what. Returns the figures per occasion and the
 * messages queued.
 *
 * @example
 * const { queued } = await runOccasions(container, { at: new Date() })
 */
export async function runOccasions(
  container: MedusaContainer,
  options: { at?: Date | string; kinds?: OccasionKind[]; limit?: number } = {}
): Promise<{ occasions: OccasionRunResult[]; queued: string[] }> {
  const at = options.at ? new Date(options.at) : new Date()
  const occasions: OccasionRunResult[] = []
  const queued: string[] = []
  for (const kind of options.kinds ?? OCCASION_KINDS) {
    const total: OccasionRunResult = { kind, pending: 0, skipped: 0, given: 0, failed: 0 }
    for (let page = 0; ; page++) {
      const { result } = await runOccasionWorkflow(container).run({
        input: { kind, at, limit: options.limit, grant: page === 0 },
      })
      total.pending += result.pending
      total.skipped += result.skipped
      total.given += result.given
      total.failed += result.failed
      queued.push(...result.queued)
      // A page whose grants all failed to be given for a passing reason
      // (left claimed for a later run) ends the run too.
      if (!result.enabled || !result.more || result.given + result.failed === 0) {
        break
      }
    }
    occasions.push(total)
  }
  return { occasions, queued }
}
