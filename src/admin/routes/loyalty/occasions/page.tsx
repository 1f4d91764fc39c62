import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Calendar } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useErrorText } from "../../../lib/api"
import { useLoyaltyTranslation } from "../../../lib/i18n"
import { useOccasions } from "../../../lib/occasions"
import { useLoyaltySettings } from "../../../lib/query"
import { useShop } from "../pos-keys/components/till-settings/shop"
import { OccasionCard } from "./components/occasion-card"

/**
 * The occasions the club celebrates: birthdays, anniversaries, Nowruz,
 * Yalda, the welcome after a first order and win-back, each on or off with
 * its gift, its wording (on the SMS messages page) and this year's figures.
 */
const OccasionsPage = () => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const occasions = useOccasions()
  const shop = useShop()
  // Amounts show in the shop's unit: the cards wait for the settings.
  const settings = useLoyaltySettings()
  const error = occasions.error ?? shop.error ?? settings.error
  const ready = occasions.data && shop.data && settings.data

  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="occasions">
      <Container className="px-6 py-4">
        <Heading level="h1">{t("occasions.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("occasions.description")}
        </Text>
      </Container>
      {!ready ? (
        <Container className="px-6 py-4">
          <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"} role={error ? "alert" : undefined}>
            {error ? errorText(error) : t("common.states.loading")}
          </Text>
        </Container>
      ) : (
        occasions.data.map((occasion) => (
          <OccasionCard
            key={occasion.kind}
            occasion={occasion}
            currencies={shop.data.currencies}
          />
        ))
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.occasions",
  translationNs: "loyalty",
  icon: Calendar,
  rank: 9,
})

export default OccasionsPage
