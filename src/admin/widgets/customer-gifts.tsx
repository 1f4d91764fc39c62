import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { BirthdaySection } from "../components/gifts/birthday-section"
import { GiftList } from "../components/gifts/gift-list"
import { GiveCodeForm } from "../components/gifts/give-code-form"
import { WidgetHeader } from "../components/wallet"
import { useLoyaltyTranslation } from "../lib/i18n"

/**
 * The customer's birthday (the calendar they count in), their discount
 * codes and occasion gifts with state and expiry, and a personal code given
 * by staff from a personal batch.
 */
const CustomerGiftsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useLoyaltyTranslation()
  const [giving, setGiving] = useState(false)
  const [formKey, setFormKey] = useState(0)
  return (
    <Container className="divide-y p-0" data-loyalty-widget="customer-gifts">
      <WidgetHeader title={t("occasions.customer.title")} description={t("occasions.customer.description")} />
      <BirthdaySection customerId={customer.id} />
      <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="customer-gifts">
        <div className="flex items-start justify-between gap-x-3">
          <Text size="small" weight="plus">
            {t("occasions.customer.giftsTitle")}
          </Text>
          <Button
            size="small"
            variant="secondary"
            onClick={() => {
              setFormKey((k) => k + 1)
              setGiving(true)
            }}
            data-testid="customer-give-code"
          >
            {t("occasions.customer.give.open")}
          </Button>
        </div>
        <GiftList customerId={customer.id} />
      </div>
      <GiveCodeForm key={formKey} customerId={customer.id} open={giving} onOpenChange={setGiving} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerGiftsWidget
