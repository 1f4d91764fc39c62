import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { ClubCard, errorMessage, sdk } from "../lib/client"
import { ClubCardFigures } from "../lib/club-card"

const CustomerClubCardWidget = ({
  data: customer,
}: DetailWidgetProps<AdminCustomer>) => {
  const [card, setCard] = useState<ClubCard | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    sdk.client
      .fetch<{ club_card: ClubCard }>(
        `/admin/loyalty/customers/${customer.id}/club-card`
      )
      .then(({ club_card }) => {
        setCard(club_card)
        setError(null)
      })
      .catch((e) => setError(errorMessage(e)))
  }, [customer.id])

  return (
    <Container className="divide-y p-0" data-testid="customer-club-card">
      <div className="px-6 py-4">
        <Heading level="h2">Club card</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Online and in store together.
        </Text>
      </div>
      <div className="px-6 py-4">
        {error ? (
          <Text size="small" className="text-ui-fg-error">
            {error}
          </Text>
        ) : card ? (
          <ClubCardFigures card={card} />
        ) : (
          <Text size="small">Loading…</Text>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side.after",
})

export default CustomerClubCardWidget
