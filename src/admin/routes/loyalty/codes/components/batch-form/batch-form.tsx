// Creating a batch: a long form in Medusa's full-screen modal,
// react-hook-form with the zod schema beside it, the shared field
// components, and the API's errors shown at their fields.
import { zodResolver } from "@hookform/resolvers/zod"
import { Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Resolver, useForm, useWatch } from "react-hook-form"
import { KIND_DESCRIPTION, KIND_LABEL } from "../../../../../components/codes/batch-status"
import { ChoiceField, TextField } from "../../../../../components/fields"
import { FormModal } from "../../../../../components/form-drawer"
import { api, LoyaltyApiError, useErrorText } from "../../../../../lib/api"
import { BATCH_KINDS, BATCHES, CodeBatch, codeKeys } from "../../../../../lib/codes"
import { useFormat } from "../../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../../lib/mutation"
import { useLoyaltySettings } from "../../../../../lib/query"
import { isolate } from "../../../cashback-rules/components/sentence"
import { Section } from "../../../cashback-rules/components/rule-form/section"
import { CodesSection, ScopeSection, ValiditySection } from "./codes-section"
import { DiscountSection } from "./discount-section"
import { fieldOfCode } from "./field-of-code"
import { BatchValues, emptyValues, toBody } from "./form-state"
import { batchSchema } from "./schema"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The store's currencies, the default first. */
  currencies: string[]
  onCreated: (batch: CodeBatch) => void
}

/**
 * Mount it afresh for each opening (a new `key`), once the store's
 * currencies are known: its first render holds every currency's field.
 */
export const BatchForm = ({ open, onOpenChange, currencies, onCreated }: Props) => {
  const { t } = useLoyaltyTranslation()
  const { number, display } = useFormat()
  const errorText = useErrorText()
  const { data: settings } = useLoyaltySettings()

  const schema = useMemo(
    () => batchSchema(t, (n) => number(n), display, currencies),
    [currencies, display, number, t]
  )
  const form = useForm<BatchValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<BatchValues>,
    defaultValues: emptyValues(currencies),
  })
  const kind = useWatch({ control: form.control, name: "kind" })

  const create = useLoyaltyMutation({
    mutationFn: (body: object) => api<{ code_batch: CodeBatch }>(BATCHES, { method: "POST", body }),
    invalidate: () => [codeKeys.all()],
    success: ({ code_batch }) =>
      code_batch.kind === "bulk"
        ? t("codes.toast.creating", { name: isolate(code_batch.name) })
        : t("codes.toast.created", { name: isolate(code_batch.name) }),
    onSuccess: ({ code_batch }) => {
      onOpenChange(false)
      onCreated(code_batch)
    },
    onError: (error) => {
      const field =
        error instanceof LoyaltyApiError
          ? fieldOfCode(error.code, form.getValues(), currencies)
          : undefined
      if (field) {
        form.setError(field, { message: errorText(error) }, { shouldFocus: true })
        return true
      }
    },
  })

  const submit = form.handleSubmit((values) =>
    create.mutate(toBody(values, currencies, settings?.time_zone))
  )

  return (
    <FormModal
      open={open}
      onOpenChange={onOpenChange}
      title={t("codes.form.title")}
      description={t("codes.form.description")}
      onSubmit={submit}
      submitting={create.isPending}
      submitLabel={kind === "bulk" ? t("codes.form.submitBulk") : t("codes.form.submitPersonal")}
      testId="batch-form"
    >
      {settings ? (
        // Amounts show in the shop's unit: the fields wait for the settings.
        <div className="flex flex-col gap-y-10">
          <Section title={t("codes.form.basics.title")} testId="batch-basics">
            <TextField
              control={form.control}
              name="name"
              id="batch-name"
              label={t("codes.form.name.label")}
              hint={t("codes.form.name.hint")}
            />
            <ChoiceField
              control={form.control}
              name="kind"
              id="batch-kind"
              testId="batch-kind"
              label={t("codes.form.kind")}
              choices={BATCH_KINDS.map((k) => ({
                value: k,
                label: t(KIND_LABEL[k]),
                description: t(KIND_DESCRIPTION[k]),
              }))}
            />
          </Section>
          <DiscountSection control={form.control} currencies={currencies} />
          <ValiditySection control={form.control} />
          <ScopeSection control={form.control} />
          <CodesSection control={form.control} currencies={currencies} />
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          {t("common.states.loading")}
        </Text>
      )}
    </FormModal>
  )
}
