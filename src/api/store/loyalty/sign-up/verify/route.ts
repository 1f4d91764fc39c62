import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signUpMemberWorkflow } from "../../../../../workflows"
import { clubCard } from "../../../../utils/club-card"
import { StoreSignUpVerifyType } from "../validators"

/**
 * Kiosk sign-up, second half: the code from the SMS makes the phone's owner
 * a club member (found or created), with the sign-up bonus and the welcome
 * SMS for a new member. Answers the member's club card.
 */
export const POST = async (req: MedusaRequest<StoreSignUpVerifyType>, res: MedusaResponse) => {
  const { result } = await signUpMemberWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ club_card: await clubCard(req.scope, result.member.customer_id) })
}
