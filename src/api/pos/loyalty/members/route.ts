import { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findMemberByPhone } from "../../../../workflows"
import { PosRequest } from "../../../utils/pos-auth"
import { tillMemberCard } from "../../../utils/pos"

/** The member with this phone: masked name, tier, balance. */
export const GET = async (req: PosRequest, res: MedusaResponse) => {
  const phone = (req.validatedQuery as any).phone as string
  const { e164, customer } = await findMemberByPhone(req.scope, phone)
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No club member has the phone ${e164}`)
  }
  res.json({ member: await tillMemberCard(req.scope, customer.id, req.get("x-medusa-locale")) })
}
