import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { fetchSegment } from "../../helpers"

// Members read per query while the file streams out.
const PAGE = 5000

// A spreadsheet runs a cell that starts with = + - @ (or a tab or return)
// as a formula: such a cell (a name a shopper typed) gets a leading
// apostrophe. A phone ("+98912...") is only a sign and digits and stays as
// it is.
const cell = (v: unknown) => {
  let text = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v)
  if (/^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !/^[+-][\d ]*$/.test(text))) {
    text = `'${text}`
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The segment's members as CSV (UTF-8 with a byte order mark, so Excel
 * reads Persian names right): id, first_name, last_name, email, phone,
 * segment, r, f, m, l, last_order_at. Streamed in pages of 5,000 by
 * customer id, all read at the same instant, so 100,000 members never sit
 * in memory at once and a page boundary neither repeats nor skips one.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const segment = await fetchSegment(req.scope, req.params.id)
  const at = new Date()
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="segment-${segment.id}.csv"`)
  res.write("\uFEFFid,first_name,last_name,email,phone,segment,r,f,m,l,last_order_at\n")
  let after: string | null = null
  for (;;) {
    const customers = await service.segmentCustomersAfter(segment.conditions, { limit: PAGE, after, at })
    if (!customers.length) {
      break
    }
    res.write(
      customers
        .map((c) =>
          [c.id, c.first_name, c.last_name, c.email, c.phone, c.segment, c.r_score, c.f_score, c.m_score, c.l_score, c.last_order_at]
            .map(cell)
            .join(",")
        )
        .join("\n") + "\n"
    )
    if (customers.length < PAGE) {
      break
    }
    after = customers[customers.length - 1].id
  }
  res.end()
}
