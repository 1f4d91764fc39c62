import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"

// Codes read per query while the file streams out.
const PAGE = 5000

const cell = (v: unknown) => {
  const text = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The batch's codes as CSV (code, customer_id, expires_at, used, order_id),
 * streamed a page at a time so 100,000 codes never sit in memory at once.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const batch = await service.getCodeBatch(req.params.id)
  const name = (batch.prefix ?? batch.name).replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 40) || "codes"
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${name}-${batch.id}.csv"`)
  res.write("code,customer_id,expires_at,used,order_id\n")
  let after: string | null = ""
  for (;;) {
    const { codes } = await service.listBatchCodeRows(batch.id, {}, { skip: 0, take: PAGE, after: after || null })
    if (!codes.length) {
      break
    }
    res.write(
      codes.map((c: any) => [c.code, c.customer_id, c.expires_at, c.used, c.order_id].map(cell).join(",")).join("\n") + "\n"
    )
    if (codes.length < PAGE) {
      break
    }
    after = codes[codes.length - 1].id
  }
  res.end()
}
