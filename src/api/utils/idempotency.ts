import { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { generateEntityId } from "@medusajs/framework/utils"

/**
 * The ledger key of a write made by a person in the admin. A client that may
 * retry (a double click, a lost response) sends an `Idempotency-Key` header and
 * the retry returns the first result; without it every request is new.
 */
export function adminLedgerKey(req: AuthenticatedMedusaRequest) {
  const header = req.get("idempotency-key")?.trim()
  return {
    reference: "admin",
    reference_id: header ? `key:${header.slice(0, 200)}` : generateEntityId(undefined, "adm"),
    actor_type: req.auth_context?.actor_type ?? "user",
    actor_id: req.auth_context?.actor_id ?? null,
  }
}
