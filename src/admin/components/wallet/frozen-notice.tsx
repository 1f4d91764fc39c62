import { Alert, Text } from "@medusajs/ui"
import { Data } from "../ltr"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { Wallet } from "./types"

/** A frozen wallet: since when, why, and what freezing stops. */
export const FrozenNotice = ({ wallet }: { wallet: Wallet }) => {
  const { t } = useLoyaltyTranslation()
  const { dateTime } = useFormat()
  return (
    <div className="px-6 py-4" data-testid="wallet-frozen">
      <Alert variant="warning">
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus">
            {wallet.status_changed_at
              ? t("wallet.frozen.since", { date: dateTime(wallet.status_changed_at) })
              : t("wallet.frozen.title")}
          </Text>
          {wallet.status_reason && (
            <Text size="small" data-testid="wallet-frozen-reason">
              {t("wallet.frozen.reason")} <Data>{wallet.status_reason}</Data>
            </Text>
          )}
          <Text size="small" className="text-ui-fg-subtle">
            {t("wallet.frozen.hint")}
          </Text>
        </div>
      </Alert>
    </div>
  )
}
