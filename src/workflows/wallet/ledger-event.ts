import { LedgerWriteResult } from "../../modules/loyalty-club/types"

/** The payload of `loyalty.wallet.*` events about one ledger row. */
export function ledgerEventData({ result }: { result: LedgerWriteResult }) {
  return {
    id: result.transaction.id,
    wallet_id: result.transaction.wallet_id,
    type: result.transaction.type,
    amount: result.transaction.amount,
    reference: result.transaction.reference,
    reference_id: result.transaction.reference_id,
    reverses_id: result.transaction.reverses_id,
  }
}
