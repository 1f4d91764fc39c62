import { z } from "@medusajs/framework/zod"
import { findParams } from "../../../utils/validators"

// The conditions arrive as any JSON: `validateSegmentConditions` (in the
// workflow, and in the count route) checks them and names the path of a bad
// one with `loyalty_segment_invalid`, which zod's own messages could not.
const conditions = z.unknown()

export type AdminGetSegmentsParamsType = z.infer<typeof AdminGetSegmentsParams>
export const AdminGetSegmentsParams = findParams({ limit: 20, max: 100 }).merge(
  z.object({ q: z.string().max(200).optional() })
)

export type AdminCreateSegmentType = z.infer<typeof AdminCreateSegment>
export const AdminCreateSegment = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).nullish(),
  conditions,
})

/** Fields left out keep their value; conditions given replace the stored ones whole. */
export type AdminUpdateSegmentType = z.infer<typeof AdminUpdateSegment>
export const AdminUpdateSegment = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(2000).nullish(),
  conditions: conditions.optional(),
})

export type AdminCountSegmentType = z.infer<typeof AdminCountSegment>
export const AdminCountSegment = z.strictObject({ conditions })

export type AdminGetSegmentCustomersParamsType = z.infer<typeof AdminGetSegmentCustomersParams>
export const AdminGetSegmentCustomersParams = findParams({ limit: 20, max: 100 })
