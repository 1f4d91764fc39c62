import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { Link, useLocation } from "react-router-dom"
import { useErrorText } from "../../../lib/api"
import { MessageEvent } from "../../../lib/client"
import { useLoyaltyTranslation } from "../../../lib/i18n"
import {
  EVENT_DESCRIPTION,
  EVENT_LABEL,
  MESSAGE_EVENTS,
  MESSAGE_LOCALES,
  SampleFormat,
  smsEvents,
  useMessageTemplates,
  useStoreName,
} from "../../../lib/messages"
import { occasionOfEvent, useOccasions } from "../../../lib/occasions"
import { useLoyaltySettings } from "../../../lib/query"
import { PromoSettings } from "./components/promo-settings"
import { SmsSettings } from "./components/sms-settings"
import { TemplateCard } from "./components/template-card"

const LoyaltyMessagesPage = () => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const templates = useMessageTemplates()
  const { data: settings } = useLoyaltySettings()
  const { data: storeName = "" } = useStoreName()

  const sample = useMemo<SampleFormat>(
    () => ({
      money_display: settings?.money_display ?? "toman",
      time_zone: settings?.time_zone ?? "Asia/Tehran",
      store_name: settings?.store_name || storeName,
    }),
    [settings?.money_display, settings?.store_name, settings?.time_zone, storeName]
  )
  const enabled = settings ? smsEvents(settings) : null
  const occasions = useOccasions()
  const { hash } = useLocation()

  // A link from an occasion ("#message-birthday") opens at its message.
  const loaded = !!templates.data
  useEffect(() => {
    if (loaded && hash.startsWith("#message-")) {
      document.getElementById(hash.slice(1))?.scrollIntoView({ block: "start" })
    }
  }, [hash, loaded])

  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="messages">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">{t("messages.page.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("messages.page.description")}
          </Text>
        </div>
        {templates.isPending || templates.isError ? (
          <div className="px-6 py-4">
            <Text
              size="small"
              className={templates.isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}
            >
              {templates.isError ? errorText(templates.error) : t("common.states.loading")}
            </Text>
          </div>
        ) : (
          MESSAGE_EVENTS.map((event) => (
            <section
              key={event}
              id={`message-${event}`}
              className="flex scroll-mt-4 flex-col gap-y-3 px-6 py-4"
              data-testid="template-event"
              data-event={event}
            >
              <div className="flex items-start justify-between gap-x-4">
                <div>
                  <Text size="small" weight="plus">
                    {t(EVENT_LABEL[event])}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {t(EVENT_DESCRIPTION[event])}
                  </Text>
                </div>
                <EventOff
                  event={event}
                  off={
                    occasionOfEvent(event)
                      ? occasions.data?.find((o) => o.kind === occasionOfEvent(event))?.enabled === false
                      : !!enabled && !enabled[event]
                  }
                />
              </div>
              <div className="grid grid-cols-1 items-start gap-3 lg:grid-cols-2">
                {MESSAGE_LOCALES.map((locale) => {
                  const template = templates.data.find(
                    (m) => m.event === event && m.locale === locale
                  )
                  return template ? (
                    <TemplateCard key={locale} template={template} sample={sample} />
                  ) : null
                })}
              </div>
            </section>
          ))
        )}
      </Container>

      <SmsSettings storeName={storeName} />
      <PromoSettings />
    </div>
  )
}

/** "Not sent": turned off in the settings below, or its occasion is off. */
const EventOff = ({ event, off }: { event: MessageEvent; off: boolean }) => {
  const { t } = useLoyaltyTranslation()
  if (!off) return null
  return occasionOfEvent(event) ? (
    <Link to="/loyalty/occasions" className="shrink-0">
      <Badge size="2xsmall" color="grey" data-testid="template-event-off">
        {t("messages.page.occasionOff")}
      </Badge>
    </Link>
  ) : (
    <Badge size="2xsmall" color="grey" data-testid="template-event-off">
      {t("messages.page.off")}
    </Badge>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.messages",
  translationNs: "loyalty",
  icon: ChatBubbleLeftRight,
  rank: 3,
})

export default LoyaltyMessagesPage
