import { z } from "@medusajs/framework/zod"
import { POS_SCOPES } from "../../../utils/pos-auth"

export type AdminCreatePosKeyType = z.infer<typeof AdminCreatePosKey>
export const AdminCreatePosKey = z.strictObject({
  name: z.string().min(1).max(100),
  location: z.string().min(1).max(200),
  scopes: z.array(z.enum(POS_SCOPES)).min(1),
})
