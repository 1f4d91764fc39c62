import { DAL } from "@medusajs/framework/types"
import { LoyaltyClubModuleOptions } from "../../types"
import { LedgerExpiry } from "./expiry"
import { LedgerLots } from "./lots"
import { LedgerReads } from "./reads"
import { LedgerReversals } from "./reversals"
import { LedgerWrites } from "./writes"

/**
 * The wallet ledger. Every write goes through one SQL transaction that locks
 * the wallet row first, so concurrent debits of one wallet run one after the
 * other and can never overdraw it; writes of different wallets do not wait on
 * each other. The hot paths are plain SQL on purpose: a debit is a handful of
 * statements, not an ORM unit of work.
 *
 * Its parts share one `LedgerLots` (the internals: lock, rows, lots, debt),
 * which is not exposed: only the ledger's own files write lots.
 */
export class Ledger {
  readonly writes: LedgerWrites
  readonly reversals: LedgerReversals
  readonly expiry: LedgerExpiry
  readonly reads: LedgerReads

  constructor(
    baseRepository: DAL.RepositoryService,
    options: Required<LoyaltyClubModuleOptions>
  ) {
    const lots = new LedgerLots(options)
    this.writes = new LedgerWrites(baseRepository, options, lots)
    this.reversals = new LedgerReversals(options, lots)
    this.expiry = new LedgerExpiry(baseRepository, options, lots)
    this.reads = new LedgerReads(options, lots)
  }
}
