import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createHash, randomBytes } from "crypto"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { LoyaltyErrorCode } from "../../../utils/error-codes"

export const createPosKeyStepId = "loyalty-create-pos-key"

/**
 * Makes a till key: 32 random bytes, shown once in the step's result; only
 * its SHA-256 is stored. The undo deletes it.
 */
export const createPosKeyStep = createStep(
  createPosKeyStepId,
  async (
    input: { name: string; location: string; scopes: string[]; created_by?: string | null },
    { container }
  ) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const key = `lpos_${randomBytes(32).toString("base64url")}`
    const created = await service.createPosKeys({
      name: input.name,
      location: input.location,
      scopes: Array.from(new Set(input.scopes)) as any,
      key_hash: createHash("sha256").update(key).digest("hex"),
      key_prefix: key.slice(0, 12),
      created_by: input.created_by ?? null,
    })
    return new StepResponse({ pos_key: created, key }, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.deletePosKeys([id])
  }
)

export const revokePosKeyStepId = "loyalty-revoke-pos-key"

/** Revokes a till key (at once, for every request after). The undo restores it. */
export const revokePosKeyStep = createStep(
  revokePosKeyStepId,
  async (input: { id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const [key] = await service.listPosKeys({ id: input.id })
    if (!key) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `POS key with id: ${input.id} was not found`, LoyaltyErrorCode.POS_KEY_NOT_FOUND)
    }
    if (key.revoked_at) {
      return new StepResponse(key, undefined as string | undefined)
    }
    const revoked = await service.updatePosKeys({ id: input.id, revoked_at: new Date() })
    return new StepResponse(revoked, input.id as string | undefined)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.updatePosKeys({ id, revoked_at: null })
  }
)
