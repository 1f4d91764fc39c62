import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { Amount } from "./amount"
import { Figure } from "./figure"
import { Wallet } from "./types"

/** Available, pending and soon-expiring credit of one wallet. */
export const WalletBalance = ({ wallet }: { wallet: Wallet }) => {
  const { t } = useLoyaltyTranslation()
  const { date, number } = useFormat()
  const { balance, currency_code: currency } = wallet
  return (
    <div className="grid grid-cols-3 gap-4 px-6 py-4" data-testid="wallet-balance">
      <Figure
        label={t("wallet.balance.available")}
        hint={t("wallet.balance.availableHint")}
        testId="wallet-available"
      >
        <Big>
          <Amount amount={balance.available} currency={currency} />
        </Big>
      </Figure>
      <Figure label={t("wallet.balance.pending")} hint={t("wallet.balance.pendingHint")}>
        <Big>
          <Amount amount={balance.pending} currency={currency} />
        </Big>
      </Figure>
      <Figure
        label={t("wallet.balance.expiring", {
          count: balance.expiring_within_days,
          days: number(balance.expiring_within_days),
        })}
        hint={
          balance.next_expiry_at
            ? t("wallet.balance.nextExpiry", { date: date(balance.next_expiry_at) })
            : t("wallet.balance.noExpiry")
        }
      >
        <Big>
          <Amount amount={balance.expiring_soon} currency={currency} />
        </Big>
      </Figure>
    </div>
  )
}

const Big = ({ children }: { children: ReactNode }) => (
  <Text size="large" weight="plus" className="truncate">
    {children}
  </Text>
)
