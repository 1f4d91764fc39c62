import { Text } from "@medusajs/ui"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { smsLength } from "../../../../lib/messages"

/** "106 characters · 2 SMS": how the gateway counts a text, and why Persian takes more. */
export const SmsLength = ({ text }: { text: string }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const { characters, parts, unicode } = smsLength(text)
  const values = { characters: number(characters), parts: number(parts) }
  return (
    <Text size="xsmall" className="text-ui-fg-muted" data-testid="template-length">
      {unicode
        ? t("messages.template.lengthUnicode", values)
        : t("messages.template.length", values)}
    </Text>
  )
}
