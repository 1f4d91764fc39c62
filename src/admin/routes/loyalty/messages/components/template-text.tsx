import { clx, Text } from "@medusajs/ui"
import { MessageLocale } from "../../../../lib/client"
import { dirOf, TemplatePart } from "../../../../lib/messages"

/**
 * A wording (or its sample) in the message's own language and direction,
 * each variable or sample value in its own bidi isolate, so `{amount}` or a
 * Latin store name inside Persian keeps its place. The whole text is data
 * (the shop's wording), isolated from the admin's language too.
 */
export const TemplateText = ({
  parts,
  locale,
  size = "small",
  className,
  testId,
}: {
  parts: TemplatePart[]
  locale: MessageLocale
  size?: "xsmall" | "small"
  className?: string
  testId?: string
}) => {
  const dir = dirOf(locale)
  return (
    <Text
      size={size}
      dir={dir}
      lang={locale}
      className={clx("whitespace-pre-wrap text-start leading-6 [overflow-wrap:anywhere]", className)}
      data-testid={testId}
    >
      <bdi dir={dir}>
        {parts.map((part, i) =>
          "text" in part ? (
            part.text
          ) : part.value !== undefined ? (
            <bdi key={i} dir="auto">
              {part.value}
            </bdi>
          ) : (
            <bdi
              key={i}
              dir="ltr"
              className={clx(
                "rounded px-0.5 font-mono",
                part.known
                  ? "bg-ui-tag-blue-bg text-ui-tag-blue-text"
                  : "bg-ui-tag-red-bg text-ui-tag-red-text"
              )}
            >
              {`{${part.variable}}`}
            </bdi>
          )
        )}
      </bdi>
    </Text>
  )
}
