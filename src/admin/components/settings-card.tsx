import { zodResolver } from "@hookform/resolvers/zod"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { QueryKey } from "@tanstack/react-query"
import { ReactNode, useEffect, useMemo } from "react"
import { DefaultValues, FieldValues, Path, useForm, UseFormReturn } from "react-hook-form"
import { z } from "zod"
import { api, LoyaltyApiError, useErrorText } from "../lib/api"
import { LoyaltySettings } from "../lib/client"
import { useLoyaltyTranslation } from "../lib/i18n"
import { useLoyaltyMutation } from "../lib/mutation"
import { loyaltyKeys, useLoyaltySettings } from "../lib/query"

type Body = Record<string, unknown>

/**
 * Where a panel's record comes from and goes to when it is not the club's
 * settings (the referral programme): its query, its save and what a save
 * changes.
 */
export type SettingsSource<S> = {
  query: { data: S | undefined; isPending: boolean; error: unknown }
  save: (body: Body) => Promise<unknown>
  invalidate: QueryKey[]
}

/**
 * The fields of `next` whose value differs from `saved`'s (compared as
 * JSON). Both are API bodies: the panel's values and the stored settings put
 * through the same conversion, so a setting the panel shows differently from
 * how it is stored stays as stored when another one is saved.
 */
function changedFields(next: Body, saved: Body): Body {
  const body: Body = {}
  for (const key of Object.keys(next) as (keyof Body)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) {
      body[key] = next[key]
    }
  }
  return body
}

/**
 * One panel of the club's settings (checkout, SMS, till and kiosk), or of
 * another one-row record (`source`: the referral programme): its fields as a
 * react-hook-form with a zod schema, filled from the stored record, saving
 * only what changed; an API error with a code the panel knows shows at its
 * field, any other as a toast.
 */
export function SettingsCard<T extends FieldValues, S = LoyaltySettings>({
  title,
  description,
  schema,
  toValues,
  toBody,
  fieldOfCode,
  source,
  testId,
  children,
}: {
  title: string
  description?: string
  schema: z.ZodType<T, any>
  /** The form's values for the stored record. */
  toValues: (stored: S) => T
  /** The API body for the form's values (all of the panel's settings). */
  toBody: (values: T) => Partial<Record<keyof S, unknown>>
  /** The form field an API error code is about, if any. */
  fieldOfCode?: (code: string) => Path<T> | undefined
  /** Another record than the club's settings. */
  source?: SettingsSource<S>
  testId?: string
  children: (form: UseFormReturn<T>) => ReactNode
}) {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const settingsQuery = useLoyaltySettings()
  const { data: stored, isPending, error } = source?.query ?? (settingsQuery as unknown as SettingsSource<S>["query"])
  const values = useMemo(() => (stored ? toValues(stored) : undefined), [stored, toValues])
  const form = useForm<T>({
    resolver: zodResolver(schema as any),
    defaultValues: values as DefaultValues<T> | undefined,
  })
  useEffect(() => {
    if (values) form.reset(values)
  }, [form, values])

  const save = useLoyaltyMutation({
    mutationFn: (body: Body) =>
      source
        ? source.save(body)
        : api<{ settings: LoyaltySettings }>("/admin/loyalty/settings", { method: "POST", body }),
    invalidate: () => source?.invalidate ?? [loyaltyKeys.settings()],
    success: t("common.states.saved"),
    onError: (e) => {
      const field = e instanceof LoyaltyApiError && e.code ? fieldOfCode?.(e.code) : undefined
      if (field) {
        form.setError(field, { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  const submit = form.handleSubmit((next) => {
    const body = changedFields(toBody(next) as Body, toBody(values!) as Body)
    if (Object.keys(body).length) save.mutate(body)
  })

  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="px-6 py-4">
        <Heading level="h2">{title}</Heading>
        {description && (
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        )}
      </div>
      {isPending || !values ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {error ? errorText(error) : t("common.states.loading")}
        </Text>
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-col gap-y-4 px-6 py-4">
          {children(form)}
          <div className="flex justify-end">
            <Button
              type="submit"
              size="small"
              isLoading={save.isPending}
              data-testid={testId ? `${testId}-save` : undefined}
            >
              {t("common.actions.save")}
            </Button>
          </div>
        </form>
      )}
    </Container>
  )
}
