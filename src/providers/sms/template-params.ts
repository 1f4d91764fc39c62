import { MedusaError } from "@medusajs/framework/utils"
import { GatewayName, TemplateParams } from "./types"

export type TemplateParam = { name?: string; value: string }

/** Template values in order, keeping their names when they were given. */
export function listTemplateParams(
  params: TemplateParams | undefined | null
): TemplateParam[] {
  if (params === undefined || params === null) {
    return []
  }
  if (Array.isArray(params)) {
    return params.map((value) => ({ value: String(value) }))
  }
  if (typeof params === "object") {
    return Object.entries(params).map(([name, value]) => ({
      name,
      value: String(value),
    }))
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    "template_params must be an array of values or an object of named values"
  )
}

/** For gateways whose templates take named variables only (sms.ir, Ghasedak). */
export function namedTemplateParams(
  gateway: GatewayName,
  params: TemplateParams | undefined | null
): Required<TemplateParam>[] {
  const list = listTemplateParams(params)
  const unnamed = list.find((param) => !param.name)
  if (unnamed) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${gateway} templates take named variables: pass template_params as an object such as { "CODE": "1234" }`
    )
  }
  return list as Required<TemplateParam>[]
}
