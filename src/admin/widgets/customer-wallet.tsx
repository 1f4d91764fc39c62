import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Text, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Ltr } from "../components/ltr"
import {
  ChangeMode,
  FreezeDialog,
  FrozenNotice,
  useCustomerWallets,
  WalletBalance,
  WalletChangeForm,
  WalletLedger,
  WidgetHeader,
} from "../components/wallet"
import { api, useErrorText } from "../lib/api"
import { useLoyaltyTranslation } from "../lib/i18n"
import { useLoyaltyMutation } from "../lib/mutation"
import { customerMoneyKeys } from "../lib/query"

/**
 * The customer's loyalty wallet: balance per currency, the whole history a
 * page at a time, credit and debit with a note, freeze (with a reason) and
 * unfreeze.
 */
const CustomerWalletWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const prompt = usePrompt()
  const wallets = useCustomerWallets(customer.id)
  const [selected, setSelected] = useState<string>()
  const [page, setPage] = useState(0)
  const [changing, setChanging] = useState<ChangeMode | null>(null)
  const [freezing, setFreezing] = useState(false)

  const list = wallets.data ?? []
  const wallet = list.find((w) => w.id === selected) ?? list[0]
  const frozen = wallet?.status === "frozen"

  const unfreeze = useLoyaltyMutation({
    mutationFn: (walletId: string) =>
      api(`/admin/loyalty/wallets/${walletId}/unfreeze`, { method: "POST", body: {} }),
    invalidate: () => customerMoneyKeys(customer.id),
    success: t("wallet.toast.unfrozen"),
  })

  const askUnfreeze = async () => {
    if (!wallet) return
    const confirmed = await prompt({
      title: t("wallet.unfreeze.title"),
      description: t("wallet.unfreeze.description"),
      confirmText: t("wallet.actions.unfreeze"),
      cancelText: t("common.actions.cancel"),
      variant: "confirmation",
    })
    if (confirmed) unfreeze.mutate(wallet.id)
  }

  return (
    <Container
      className="divide-y p-0"
      data-loyalty-widget="customer-wallet"
      data-testid="customer-wallet"
    >
      <WidgetHeader title={t("wallet.title")} description={t("wallet.description")}>
        {wallet && (
          <Badge color={frozen ? "red" : "green"} size="2xsmall" data-testid="wallet-status">
            {frozen ? t("wallet.status.frozen") : t("wallet.status.active")}
          </Badge>
        )}
        <Button
          size="small"
          variant="secondary"
          disabled={frozen || wallets.isLoading}
          onClick={() => setChanging("credit")}
          data-testid="wallet-credit"
        >
          {t("wallet.actions.credit")}
        </Button>
        {wallet && (
          <Button
            size="small"
            variant="secondary"
            disabled={frozen}
            onClick={() => setChanging("debit")}
            data-testid="wallet-debit"
          >
            {t("wallet.actions.debit")}
          </Button>
        )}
        {wallet &&
          (frozen ? (
            <Button
              size="small"
              variant="secondary"
              isLoading={unfreeze.isPending}
              onClick={askUnfreeze}
              data-testid="wallet-unfreeze"
            >
              {t("wallet.actions.unfreeze")}
            </Button>
          ) : (
            <Button
              size="small"
              variant="secondary"
              onClick={() => setFreezing(true)}
              data-testid="wallet-freeze"
            >
              {t("wallet.actions.freeze")}
            </Button>
          ))}
      </WidgetHeader>

      {wallets.isLoading ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.states.loading")}
          </Text>
        </div>
      ) : wallets.isError ? (
        <div className="flex items-center justify-between px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {t("wallet.loadError")} {errorText(wallets.error)}
          </Text>
          <Button size="small" variant="transparent" onClick={() => wallets.refetch()}>
            {t("common.actions.retry")}
          </Button>
        </div>
      ) : !wallet ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("wallet.empty")}
          </Text>
        </div>
      ) : (
        <>
          {list.length > 1 && (
            <div className="flex gap-x-2 px-6 py-3" role="tablist" aria-label={t("wallet.currencies")}>
              {list.map((w) => (
                <Button
                  key={w.id}
                  role="tab"
                  aria-selected={w.id === wallet.id}
                  size="small"
                  variant={w.id === wallet.id ? "primary" : "transparent"}
                  onClick={() => {
                    setSelected(w.id)
                    setPage(0)
                  }}
                >
                  <Ltr>{w.currency_code.toUpperCase()}</Ltr>
                </Button>
              ))}
            </div>
          )}
          {frozen && <FrozenNotice wallet={wallet} />}
          <WalletBalance wallet={wallet} />
          <WalletLedger wallet={wallet} page={page} onPageChange={setPage} />
        </>
      )}

      <WalletChangeForm
        customerId={customer.id}
        wallet={wallet}
        mode={changing ?? "credit"}
        open={changing !== null}
        onOpenChange={(open) => !open && setChanging(null)}
        onDone={(changed) => {
          setSelected(changed.id)
          setPage(0)
        }}
      />
      {wallet && (
        <FreezeDialog
          customerId={customer.id}
          wallet={wallet}
          open={freezing}
          onOpenChange={setFreezing}
        />
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerWalletWidget
