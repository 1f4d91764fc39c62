import { zodResolver } from "@hookform/resolvers/zod"
import { Text } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { useForm, useWatch } from "react-hook-form"
import { z } from "zod"
import { FormDrawer } from "../../../../components/form-drawer"
import { TextField } from "../../../../components/fields"
import { api, LoyaltyApiError, useErrorText } from "../../../../lib/api"
import { MessageTemplate } from "../../../../lib/client"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  dirOf,
  EVENT_LABEL,
  LOCALE_LABEL,
  renderSample,
  SampleFormat,
  sampleValues,
  templateParts,
  unknownVariables,
  VARIABLE_LABEL,
} from "../../../../lib/messages"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { loyaltyKeys } from "../../../../lib/query"
import { SmsLength } from "./sms-length"
import { TemplateText } from "./template-text"

// Left-to-right isolate around a variable in a translated sentence (plain
// text, so no <bdi>): "{amount}" keeps its braces in place in Persian.
const isolate = (text: string) => `\u2066${text}\u2069`

// The API's limits (src/api/admin/loyalty/message-templates/validators.ts).
const BODY_MAX = 1000
const GATEWAY_MAX = 200

type Values = { body: string; gateway_template: string }

/** One message in one language, edited in a drawer: wording, variables, preview, gateway template. */
export const TemplateEditor = ({
  template,
  sample,
  open,
  onOpenChange,
}: {
  template: MessageTemplate
  sample: SampleFormat
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const { event, locale, variables } = template
  const id = `template-${event}-${locale}`
  const names = { locale: t(LOCALE_LABEL[locale]), event: t(EVENT_LABEL[event]) }

  const schema = useMemo(
    () =>
      z.object({
        body: z
          .string()
          .refine((v) => v.trim() !== "", t("common.validation.required"))
          .refine((v) => v.length <= BODY_MAX, t("common.validation.tooLong", { max: BODY_MAX }))
          .superRefine((v, ctx) => {
            const unknown = unknownVariables(v, variables)
            if (unknown.length) {
              ctx.addIssue({
                code: "custom",
                message: t("messages.template.editor.unknownVariable", {
                  variable: isolate(`{${unknown[0]}}`),
                  variables: variables
                    .map((name) => isolate(`{${name}}`))
                    .join(t("messages.settings.listSeparator")),
                }),
              })
            }
          }),
        gateway_template: z
          .string()
          .refine((v) => v.trim().length <= GATEWAY_MAX, t("common.validation.tooLong", { max: GATEWAY_MAX })),
      }),
    [t, variables]
  )

  const values = useMemo(
    () => ({ body: template.body, gateway_template: template.gateway_template ?? "" }),
    [template.body, template.gateway_template]
  )
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: values })
  useEffect(() => {
    if (open) form.reset(values)
  }, [form, open, values])

  const save = useLoyaltyMutation({
    mutationFn: (next: Values) =>
      api<{ message_template: MessageTemplate }>("/admin/loyalty/message-templates", {
        method: "POST",
        body: {
          event,
          locale,
          body: next.body,
          gateway_template: next.gateway_template.trim() || null,
        },
      }),
    invalidate: () => [loyaltyKeys.messageTemplates()],
    success: t("messages.template.saved", names),
    onSuccess: () => onOpenChange(false),
    onError: (e) => {
      if (e instanceof LoyaltyApiError && e.code?.startsWith("loyalty_template_")) {
        form.setError("body", { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  const body = useWatch({ control: form.control, name: "body" }) ?? ""
  const preview = useMemo(
    () => templateParts(body, variables, sampleValues(locale, sample)),
    [body, locale, sample, variables]
  )

  /** Puts `{variable}` where the cursor is (or over the selection). */
  const insert = (variable: string) => {
    const el = document.getElementById(id) as HTMLTextAreaElement | null
    const current = form.getValues("body")
    const token = `{${variable}}`
    const start = el?.selectionStart ?? current.length
    const end = el?.selectionEnd ?? current.length
    form.setValue("body", current.slice(0, start) + token + current.slice(end), {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted,
    })
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(start + token.length, start + token.length)
    })
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("messages.template.editor.title", names)}
      description={t("messages.template.editor.description")}
      onSubmit={form.handleSubmit((next) => save.mutate(next))}
      submitting={save.isPending}
      testId="template-editor"
    >
      <TextField
        control={form.control}
        name="body"
        id={id}
        rows={5}
        dir={dirOf(locale)}
        label={t("messages.template.editor.body")}
        hint={t("messages.template.editor.bodyHint")}
      />
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">
          {t("messages.template.editor.variables")}
        </Text>
        <ul className="flex flex-col gap-y-1.5">
          {variables.map((v) => (
            <li key={v} className="flex items-center gap-x-2">
              <button
                type="button"
                onClick={() => insert(v)}
                className="txt-compact-xsmall-plus bg-ui-tag-neutral-bg text-ui-tag-neutral-text border-ui-tag-neutral-border hover:bg-ui-tag-neutral-bg-hover shrink-0 rounded-md border px-1.5 py-0.5 font-mono"
                data-testid="template-variable"
                data-variable={v}
              >
                <bdi dir="ltr">{`{${v}}`}</bdi>
              </button>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {VARIABLE_LABEL[v] ? t(VARIABLE_LABEL[v]) : <bdi dir="ltr">{v}</bdi>}
              </Text>
            </li>
          ))}
        </ul>
      </div>
      <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-md px-3 py-2">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("messages.template.editor.preview")}
        </Text>
        <TemplateText parts={preview} locale={locale} testId="template-preview" />
        <SmsLength text={renderSample(preview)} />
      </div>
      <TextField
        control={form.control}
        name="gateway_template"
        id={`${id}-gateway`}
        dir="ltr"
        optional
        placeholder="loyalty-cashback"
        label={t("messages.template.editor.gateway")}
        hint={t("messages.template.editor.gatewayHint")}
      />
    </FormDrawer>
  )
}
