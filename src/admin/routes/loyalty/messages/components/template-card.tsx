import {
  Badge,
  Button,
  Input,
  Label,
  Text,
  Textarea,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useRef, useState } from "react"
import {
  errorMessage,
  LoyaltySettings,
  MessageTemplate,
  sdk,
} from "../../../../lib/client"
import {
  EVENT_LABELS,
  LOCALE_LABELS,
  dirOf,
  previewMessage,
  smsLength,
  VARIABLE_LABELS,
} from "../../../../lib/messages"

type Props = {
  template: MessageTemplate
  settings: LoyaltySettings | null
  /** The name messages use when the settings name none. */
  storeName: string
  onSaved: (template: MessageTemplate) => void
}

/** One message in one language: the wording in use, and its editor. */
export const TemplateCard = ({ template, settings, storeName, onSaved }: Props) => {
  const [editing, setEditing] = useState(false)
  const [body, setBody] = useState(template.body)
  const [gateway, setGateway] = useState(template.gateway_template ?? "")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<"save" | "reset" | null>(null)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const prompt = usePrompt()

  const { event, locale } = template
  const dir = dirOf(locale)
  const id = `template-${event}-${locale}`
  const name = `${LOCALE_LABELS[locale]} "${EVENT_LABELS[event]}"`

  const open = () => {
    setBody(template.body)
    setGateway(template.gateway_template ?? "")
    setError(null)
    setEditing(true)
  }

  /** Puts `{variable}` where the cursor is (or over the selection). */
  const insert = (variable: string) => {
    const el = textarea.current
    const token = `{${variable}}`
    const start = el?.selectionStart ?? body.length
    const end = el?.selectionEnd ?? body.length
    setBody(body.slice(0, start) + token + body.slice(end))
    setError(null)
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(start + token.length, start + token.length)
    })
  }

  const post = async (next: string | null) => {
    const { message_template } = await sdk.client.fetch<{
      message_template: MessageTemplate
    }>("/admin/loyalty/message-templates", {
      method: "POST",
      body: {
        event,
        locale,
        body: next,
        ...(next === null ? {} : { gateway_template: gateway.trim() || null }),
      },
    })
    return message_template
  }

  const save = async () => {
    setBusy("save")
    setError(null)
    try {
      const saved = await post(body)
      onSaved(saved)
      setEditing(false)
      toast.success(`Saved the ${name} message`)
    } catch (e) {
      // The editor stays open with the text, so it can be fixed.
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const reset = async () => {
    const confirmed = await prompt({
      title: `Reset the ${name} message?`,
      description:
        "The shipped wording is used again; the shop's wording and gateway template are removed.",
      confirmText: "Reset",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    setBusy("reset")
    setError(null)
    try {
      const saved = await post(null)
      onSaved(saved)
      setEditing(false)
      toast.success(`Reset the ${name} message to the default`)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const preview = previewMessage(
    editing ? body : template.body,
    locale,
    template.variables,
    {
      money_display: settings?.money_display ?? "toman",
      time_zone: settings?.time_zone ?? "Asia/Tehran",
      store_name: settings?.store_name || storeName,
    }
  )
  const changed =
    body !== template.body ||
    (gateway.trim() || null) !== template.gateway_template

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
            {LOCALE_LABELS[locale]}
          </Text>
          <Badge
            size="2xsmall"
            color={template.is_default ? "grey" : "blue"}
            data-testid="template-state"
          >
            {template.is_default ? "Default" : "Edited"}
          </Badge>
          {template.gateway_template && (
            <Badge
              size="2xsmall"
              color="purple"
              className="max-w-[200px] truncate"
              title={`Gateway template ${template.gateway_template}`}
            >
              Gateway: {template.gateway_template}
            </Badge>
          )}
        </div>
        {!editing && (
          <Button
            size="small"
            variant="transparent"
            onClick={open}
            aria-label={`Edit the ${name} message`}
            data-testid="template-edit"
          >
            Edit
          </Button>
        )}
      </div>

      {!editing ? (
        <>
          <Text
            size="small"
            dir={dir}
            lang={locale}
            className="whitespace-pre-wrap leading-6 [overflow-wrap:anywhere]"
            data-testid="template-body"
          >
            {template.body}
          </Text>
          <div className="flex flex-col gap-y-0.5 rounded-md bg-ui-bg-subtle px-3 py-2">
            <Text size="xsmall" className="text-ui-fg-muted">
              Example · {smsLength(preview)}
            </Text>
            <Text
              size="xsmall"
              dir={dir}
              lang={locale}
              className="text-ui-fg-subtle leading-5 [overflow-wrap:anywhere]"
            >
              {preview}
            </Text>
          </div>
        </>
      ) : (
        <div className="flex flex-col gap-y-3" data-testid="template-editor">
          <div className="flex flex-col gap-y-1">
            <Label size="xsmall" weight="plus" htmlFor={id}>
              Wording
            </Label>
            <Textarea
              ref={textarea}
              id={id}
              dir={dir}
              lang={locale}
              rows={3}
              className="leading-6"
              value={body}
              onChange={(e) => {
                setBody(e.target.value)
                setError(null)
              }}
              aria-invalid={!!error || undefined}
            />
            {error && (
              <Text
                size="small"
                className="text-ui-fg-error [overflow-wrap:anywhere]"
                data-testid="template-error"
              >
                {error}
              </Text>
            )}
          </div>
          <div className="flex flex-col gap-y-1">
            <Text size="xsmall" className="text-ui-fg-subtle">
              Insert a variable:
            </Text>
            <div className="flex flex-wrap gap-1.5">
              {template.variables.map((v) => (
                <button
                  key={v}
                  type="button"
                  title={VARIABLE_LABELS[v] ?? v}
                  onClick={() => insert(v)}
                  className="txt-compact-xsmall-plus bg-ui-tag-neutral-bg text-ui-tag-neutral-text border-ui-tag-neutral-border hover:bg-ui-tag-neutral-bg-hover rounded-md border px-1.5 py-0.5 font-mono"
                  data-testid="template-variable"
                >
                  {`{${v}}`}
                </button>
              ))}
            </div>
          </div>
          <div className="flex flex-col gap-y-1 rounded-md bg-ui-bg-subtle px-3 py-2">
            <Text size="xsmall" className="text-ui-fg-subtle">
              Preview, with sample values · {smsLength(preview)}
            </Text>
            <Text
              size="small"
              dir={dir}
              lang={locale}
              className="whitespace-pre-wrap leading-6 [overflow-wrap:anywhere]"
              data-testid="template-preview"
            >
              {preview}
            </Text>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="xsmall" weight="plus" htmlFor={`${id}-gateway`}>
              Gateway template (optional)
            </Label>
            <Input
              id={`${id}-gateway`}
              size="small"
              dir="ltr"
              placeholder="e.g. loyalty-cashback"
              value={gateway}
              onChange={(e) => {
                setGateway(e.target.value)
                setError(null)
              }}
            />
            <Text size="xsmall" className="text-ui-fg-subtle">
              The id of the template (pattern) approved at the SMS gateway.
              It gets the variables' values; empty: the text above is sent.
            </Text>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Button
              size="small"
              variant="transparent"
              onClick={reset}
              disabled={template.is_default || !!busy}
              isLoading={busy === "reset"}
              data-testid="template-reset"
            >
              Reset to default
            </Button>
            <div className="flex gap-x-2">
              <Button
                size="small"
                variant="secondary"
                onClick={() => setEditing(false)}
                disabled={!!busy}
              >
                Cancel
              </Button>
              <Button
                size="small"
                onClick={save}
                disabled={!changed || !!busy}
                isLoading={busy === "save"}
                data-testid="template-save"
              >
                Save
              </Button>
            </div>
          </div>
        </div>
      )}
    </div>
  )
}
