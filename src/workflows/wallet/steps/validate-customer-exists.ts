import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LoyaltyErrorCode } from "../../../utils/error-codes"

export const validateCustomerExistsStepId = "loyalty-validate-customer-exists"

export const validateCustomerExistsStep = createStep(
  validateCustomerExistsStepId,
  async (input: { customer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { id: input.customer_id },
    })
    if (!data.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `customer_id: Customer with id: ${input.customer_id} was not found`,
        LoyaltyErrorCode.CUSTOMER_NOT_FOUND
      )
    }
    return new StepResponse(void 0)
  }
)
