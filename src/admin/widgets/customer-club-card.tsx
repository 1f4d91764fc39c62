import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Text } from "@medusajs/ui"
import { CustomerFeedback } from "../components/feedback/customer-feedback"
import { CustomerTransfers } from "../components/transfers/customer-transfers"
import { WidgetHeader } from "../components/wallet"
import { useErrorText } from "../lib/api"
import { ClubCardFigures, useClubCard } from "../lib/club-card"
import { useLoyaltyTranslation } from "../lib/i18n"

/**
 * The customer's club card beside their details, with their answers after
 * purchases and the credit they sent and received. It reloads after every
 * change to their wallet (credit, debit, freeze) or a registered purchase.
 */
const CustomerClubCardWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const card = useClubCard(customer.id)

  return (
    <Container
      className="divide-y p-0"
      data-loyalty-widget="customer-club-card"
      data-testid="customer-club-card"
    >
      <WidgetHeader title={t("wallet.clubCard.title")} description={t("wallet.clubCard.description")} />
      <div className="px-6 py-4">
        {card.data ? (
          <ClubCardFigures card={card.data} />
        ) : card.isError ? (
          <div className="flex flex-col items-start gap-y-2">
            <Text size="small" className="text-ui-fg-error">
              {t("wallet.clubCard.loadError")} {errorText(card.error)}
            </Text>
            <Button size="small" variant="secondary" onClick={() => card.refetch()}>
              {t("common.actions.retry")}
            </Button>
          </div>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.states.loading")}
          </Text>
        )}
      </div>
      <CustomerFeedback customerId={customer.id} />
      <CustomerTransfers customer={customer} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side.after",
})

export default CustomerClubCardWidget
