import { z } from "@medusajs/framework/zod"
import { feedbackAnswer } from "../../../../../../workflows/feedback/answer"

// Checked by the workflow's own rules, so a 400 reads the same from the
// store route, the receipt page and a script.
export type StoreFeedbackType = z.infer<typeof StoreFeedback>
export const StoreFeedback = z.strictObject({
  rating: z.union([z.number(), z.string()]).transform((rating) => feedbackAnswer({ rating }).rating),
  comment: z
    .string()
    .nullish()
    .transform((comment) => feedbackAnswer({ rating: 1, comment }).comment),
})
