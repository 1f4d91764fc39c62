import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { setWalletStatusWorkflow } from "../../workflows"
import { LoyaltyErrorCode } from "../../utils/error-codes"

/**
 * Reads wallets with `query.graph` and adds each one's balance breakdown.
 * Money leaves the API as decimal strings ("150000", "12.50"), never floats.
 */
export async function fetchWalletsWithBalance(
  container: MedusaContainer,
  {
    fields,
    filters,
    pagination,
  }: {
    fields: string[]
    filters: Record<string, unknown>
    pagination?: Record<string, unknown>
  }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: LoyaltyClubModuleService =
    container.resolve(LOYALTY_CLUB_MODULE)
  const { data, metadata } = await query.graph({
    entity: "wallet",
    fields: Array.from(new Set([...fields, "id"])),
    filters,
    pagination: pagination as any,
  })
  const balances = await service.getBalances(data.map((w: any) => w.id))
  const wallets = data.map((w: any) => ({ ...w, balance: balances[w.id] }))
  return {
    wallets,
    count: metadata?.count ?? wallets.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? wallets.length,
  }
}

export async function fetchWalletWithBalance(
  container: MedusaContainer,
  id: string,
  fields: string[],
  filters: Record<string, unknown> = {}
) {
  const { wallets } = await fetchWalletsWithBalance(container, {
    fields,
    filters: { ...filters, id },
  })
  if (!wallets.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Wallet with id: ${id} was not found`,
      LoyaltyErrorCode.WALLET_NOT_FOUND
    )
  }
  return wallets[0]
}

/** A page of a wallet's ledger in the list shape of Medusa's API. */
export async function fetchWalletLedgerPage(
  container: MedusaContainer,
  walletId: string,
  pagination: { skip?: number; take?: number },
  filters: Record<string, unknown> = {}
) {
  await fetchWalletWithBalance(container, walletId, ["id"], filters)
  const service: LoyaltyClubModuleService =
    container.resolve(LOYALTY_CLUB_MODULE)
  const { transactions, count } = await service.listWalletLedger(walletId, {
    skip: pagination.skip,
    take: pagination.take,
  })
  return {
    transactions,
    count,
    offset: pagination.skip ?? 0,
    limit: pagination.take ?? transactions.length,
  }
}

/**
 * The handler of POST .../freeze (`{ reason }`, required) and .../unfreeze
 * (`{ reason? }`): the wallet keeps why, when and which admin.
 */
export function setWalletStatusRoute(status: "active" | "frozen") {
  return async (
    req: AuthenticatedMedusaRequest<{ reason?: string | null }>,
    res: MedusaResponse
  ) => {
    await setWalletStatusWorkflow(req.scope).run({
      input: {
        wallet_id: req.params.id,
        status,
        reason: req.validatedBody?.reason ?? null,
        actor_id: req.auth_context?.actor_id ?? null,
      },
    })
    const wallet = await fetchWalletWithBalance(req.scope, req.params.id, ["*"])
    res.json({ wallet })
  }
}
