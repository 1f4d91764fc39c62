import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { createCodeBatchWorkflow, issueCodeBatchWorkflow } from "../../../../workflows/codes"
import { AdminCreateCodeBatchType, AdminGetCodeBatchesParamsType } from "./validators"
import { codeBatchViews } from "./views"

/** Batches, newest first, with their statistics and campaign; `kind`, `status`, `q` (name or prefix). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCodeBatchesParamsType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const { kind, status, q } = req.validatedQuery
  const page = await service.listCodeBatchRows({ kind, status, q }, { skip, take })
  res.json({ code_batches: await codeBatchViews(req.scope, page.batches), count: page.count, offset: skip, limit: take })
}

/**
 * Creates a batch and its campaign. A bulk batch answers at once with
 * status `creating`: its codes are made in the background (`issued` grows
 * to `quantity`; the job resumes a run that stopped). A personal batch is
 * `active`: codes are issued from it one at a time.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCodeBatchType>, res: MedusaResponse) => {
  const { result: batch } = await createCodeBatchWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context?.actor_id ?? null } as any,
  })
  if (batch.kind === "bulk") {
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    // Not awaited: 100,000 codes take seconds, the admin watches `issued`.
    issueCodeBatchWorkflow(req.scope)
      .run({ input: { batch_id: batch.id } })
      .catch((error: any) =>
        logger.error(`Loyalty club: code batch ${batch.id} stopped (the job resumes it): ${error?.message}`)
      )
  }
  const [code_batch] = await codeBatchViews(req.scope, [batch])
  res.json({ code_batch })
}
