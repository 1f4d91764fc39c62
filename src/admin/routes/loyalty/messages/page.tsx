import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import {
  errorMessage,
  LoyaltySettings,
  MessageTemplate,
  sdk,
} from "../../../lib/client"
import { LOCALES, MESSAGE_EVENTS, smsEvents } from "../../../lib/messages"
import { SmsSettings } from "./components/sms-settings"
import { TemplateCard } from "./components/template-card"

async function loadStoreName() {
  const { stores } = await sdk.client
    .fetch<{ stores: { name: string }[] }>("/admin/stores", {
      query: { fields: "id,name" },
    })
    .catch(() => ({ stores: [] as { name: string }[] }))
  return stores[0]?.name ?? ""
}

const LoyaltyMessagesPage = () => {
  const [templates, setTemplates] = useState<MessageTemplate[]>([])
  const [settings, setSettings] = useState<LoyaltySettings | null>(null)
  const [storeName, setStoreName] = useState("")
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [settingsError, setSettingsError] = useState<string | null>(null)

  const load = useCallback(async () => {
    const { message_templates } = await sdk.client.fetch<{
      message_templates: MessageTemplate[]
    }>("/admin/loyalty/message-templates")
    setTemplates(message_templates)
    setError(null)
  }, [])

  useEffect(() => {
    load()
      .catch((e) => setError(errorMessage(e)))
      .finally(() => setLoading(false))
    sdk.client
      .fetch<{ settings: LoyaltySettings }>("/admin/loyalty/settings")
      .then(({ settings }) => setSettings(settings))
      .catch((e) => setSettingsError(errorMessage(e)))
    loadStoreName().then(setStoreName)
  }, [load])

  const replace = (saved: MessageTemplate) =>
    setTemplates((list) =>
      list.map((t) =>
        t.event === saved.event && t.locale === saved.locale ? saved : t
      )
    )

  const enabled = settings ? smsEvents(settings) : null

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Loyalty messages</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The SMS customers get from the loyalty club, in Persian and
            English. A customer gets the language they chose, else the
            default language below.
          </Text>
        </div>
        {loading ? (
          <div className="px-6 py-4">
            <Text size="small">Loading…</Text>
          </div>
        ) : error ? (
          <div className="px-6 py-4">
            <Text size="small" className="text-ui-fg-error">
              {error}
            </Text>
          </div>
        ) : (
          MESSAGE_EVENTS.map((event) => (
            <div
              key={event.value}
              className="flex flex-col gap-y-3 px-6 py-4"
              data-testid="template-event"
              data-event={event.value}
            >
              <div className="flex items-start justify-between gap-x-4">
                <div>
                  <Text size="small" weight="plus">
                    {event.label}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {event.description}
                  </Text>
                </div>
                {enabled && !enabled[event.value] && (
                  <Badge size="2xsmall" color="grey">
                    Not sent: off in the settings
                  </Badge>
                )}
              </div>
              <div className="grid grid-cols-1 items-start gap-3 lg:grid-cols-2">
                {LOCALES.map((locale) => {
                  const template = templates.find(
                    (t) => t.event === event.value && t.locale === locale.value
                  )
                  return template ? (
                    <TemplateCard
                      key={locale.value}
                      template={template}
                      settings={settings}
                      storeName={storeName}
                      onSaved={replace}
                    />
                  ) : null
                })}
              </div>
            </div>
          ))
        )}
      </Container>

      <SmsSettings
        settings={settings}
        loadError={settingsError}
        storeName={storeName}
        onSaved={setSettings}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Loyalty messages",
  icon: ChatBubbleLeftRight,
})

export default LoyaltyMessagesPage
