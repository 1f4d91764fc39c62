import { z } from "@medusajs/framework/zod"

/** Scoring takes no body: it always scores every customer, now. */
export const AdminRefreshScores = z.strictObject({})
export type AdminRefreshScoresType = z.infer<typeof AdminRefreshScores>

/** The summary and a customer's scores take no query. */
export const AdminScoresParams = z.strictObject({})
