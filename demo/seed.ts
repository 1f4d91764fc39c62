import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedAccounts } from "./seed/accounts"
import { seedAnalytics } from "./seed/analytics"
import { seedCampaigns } from "./seed/campaigns"
import { seedCashbackOrder } from "./seed/cashback-order"
import { seedCashbackRules } from "./seed/cashback-rules"
import { seedCatalog } from "./seed/catalog"
import { seedCodes } from "./seed/codes"
import { seedMembers } from "./seed/members"
import { seedMessages } from "./seed/messages"
import { seedOccasions } from "./seed/occasions"
import { seedStore } from "./seed/store"
import { seedTiers } from "./seed/tiers"
import { seedReceipts } from "./seed/receipts"
import { seedReferrals } from "./seed/referrals"
import { seedPointOfSale } from "./seed/till"
import { seedTransfers } from "./seed/transfers"
import { seedWallets } from "./seed/wallets"

/**
 * Demo data for `npm run dev`. The store itself (regions in IRR and USD,
 * products in two categories, a publishable key, an admin, shoppers known by
 * phone) is created once; each loyalty capability then adds its own demo data
 * with idempotent keys, so re-running after an upgrade fills in what is new.
 *
 * One file per capability under `demo/seed/`, run in this order: a later one
 * reads what an earlier one made (the wallet and the order need Sara, the
 * tiers her order, the till the In-store channel and the members' phones,
 * the occasions the codes' "Birthday gift" batch, the referrals Sara's and
 * Reza's phones and the till; the analytics rollups, last, everything).
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const store = await seedStore({ container } as ExecArgs)
  if (store) {
    const products = await seedCatalog({ container } as ExecArgs, store)
    await seedAccounts({ container } as ExecArgs)
    logger.info(
      `Demo store seeded: regions ${store.iran.name} (IRR) and ${store.us.name} (USD), ${products.length} products, publishable key ${store.apiKey.token}`
    )
  }
  await seedWallets({ container } as ExecArgs)
  await seedCashbackRules({ container } as ExecArgs)
  await seedCashbackOrder({ container } as ExecArgs)
  await seedTiers({ container } as ExecArgs)
  await seedMessages({ container } as ExecArgs)
  await seedMembers({ container } as ExecArgs)
  await seedPointOfSale({ container } as ExecArgs)
  await seedReceipts({ container } as ExecArgs)
  await seedTransfers({ container } as ExecArgs)
  await seedCodes({ container } as ExecArgs)
  await seedOccasions(container)
  await seedReferrals(container)
  await seedCampaigns(container)
  await seedAnalytics(container)
}
