import { Badge, Button, Text, usePrompt } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Ltr } from "../../../../components/ltr"
import { api } from "../../../../lib/api"
import { MessageTemplate } from "../../../../lib/client"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  EVENT_LABEL,
  LOCALE_LABEL,
  renderSample,
  SampleFormat,
  sampleValues,
  templateParts,
} from "../../../../lib/messages"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { loyaltyKeys } from "../../../../lib/query"
import { SmsLength } from "./sms-length"
import { TemplateEditor } from "./template-editor"
import { TemplateText } from "./template-text"

/** One message in one language: the wording in use, an example, edit and reset. */
export const TemplateCard = ({
  template,
  sample,
}: {
  template: MessageTemplate
  /** How the SMS writes sample values: the shop's money display, time zone and name. */
  sample: SampleFormat
}) => {
  const { t } = useLoyaltyTranslation()
  const prompt = usePrompt()
  const [editing, setEditing] = useState(false)
  const { event, locale, variables } = template
  const names = { locale: t(LOCALE_LABEL[locale]), event: t(EVENT_LABEL[event]) }

  const wording = useMemo(() => templateParts(template.body, variables), [template.body, variables])
  const example = useMemo(
    () => templateParts(template.body, variables, sampleValues(locale, sample)),
    [locale, sample, template.body, variables]
  )

  const reset = useLoyaltyMutation({
    // body null: the shipped wording again; the gateway template stays (the API's rule).
    mutationFn: () =>
      api<{ message_template: MessageTemplate }>("/admin/loyalty/message-templates", {
        method: "POST",
        body: { event, locale, body: null },
      }),
    invalidate: () => [loyaltyKeys.messageTemplates()],
    success: t("messages.template.resetDone", names),
  })

  const confirmReset = async () => {
    const confirmed = await prompt({
      title: t("messages.template.resetPrompt.title", names),
      description: t("messages.template.resetPrompt.description"),
      confirmText: t("messages.template.resetPrompt.confirm"),
      cancelText: t("common.actions.cancel"),
    })
    if (confirmed) reset.mutate(undefined)
  }

  return (
    <div
      className="flex min-w-0 flex-col gap-y-2 rounded-lg border px-4 py-3"
      data-testid="template-card"
      data-event={event}
      data-locale={locale}
    >
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex min-w-0 flex-wrap items-center gap-1.5">
          <Text size="small" weight="plus">
            {names.locale}
          </Text>
          <Badge
            size="2xsmall"
            color={template.is_default ? "grey" : "blue"}
            data-testid="template-state"
            data-state={template.is_default ? "default" : "edited"}
          >
            {template.is_default ? t("messages.template.default") : t("messages.template.edited")}
          </Badge>
          {template.gateway_template && (
            <Badge
              size="2xsmall"
              color="purple"
              className="max-w-[240px] truncate"
              data-testid="template-gateway"
            >
              {t("messages.template.gateway")}: <Ltr>{template.gateway_template}</Ltr>
            </Badge>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-x-1">
          {!template.is_default && (
            <Button
              size="small"
              variant="transparent"
              onClick={confirmReset}
              isLoading={reset.isPending}
              data-testid="template-reset"
            >
              {t("messages.template.reset")}
            </Button>
          )}
          <Button
            size="small"
            variant="secondary"
            onClick={() => setEditing(true)}
            data-testid="template-edit"
          >
            {t("messages.template.edit")}
          </Button>
        </div>
      </div>

      <TemplateText parts={wording} locale={locale} testId="template-body" />
      <div className="bg-ui-bg-subtle flex flex-col gap-y-0.5 rounded-md px-3 py-2">
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("messages.template.example")}
        </Text>
        <TemplateText
          parts={example}
          locale={locale}
          size="xsmall"
          className="text-ui-fg-subtle leading-5"
          testId="template-example"
        />
        <SmsLength text={renderSample(example)} />
      </div>

      <TemplateEditor
        template={template}
        sample={sample}
        open={editing}
        onOpenChange={setEditing}
      />
    </div>
  )
}
