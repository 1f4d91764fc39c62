// The rule form: a long form in Medusa's full-screen modal, react-hook-form
// with the zod schema beside it, the shared field components, and the API's
// errors shown at their fields.
import { zodResolver } from "@hookform/resolvers/zod"
import { Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Resolver, useForm } from "react-hook-form"
import { FormModal } from "../../../../../components/form-drawer"
import { api, LoyaltyApiError, useErrorText } from "../../../../../lib/api"
import { CashbackRule } from "../../../../../lib/client"
import { useFormat } from "../../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../../lib/mutation"
import { loyaltyKeys, useLoyaltySettings } from "../../../../../lib/query"
import { isolate } from "../sentence"
import { AmountSection } from "./amount-section"
import { BasicsSection } from "./basics-section"
import { fieldOfCode } from "./field-of-code"
import { changedBody, ruleValues, RuleValues, toBody } from "./form-state"
import { useRuleOptions } from "./options"
import { ruleSchema } from "./schema"
import { ScopeSection, WhoSection } from "./scope-section"
import { TimingSection } from "./timing-section"

const RULES = "/admin/loyalty/cashback-rules"

type Props = {
  open: boolean
  /** The rule to edit; null to create one. */
  rule: CashbackRule | null
  onOpenChange: (open: boolean) => void
}

/**
 * Mount it afresh for each opening (a new `key`): its first render holds
 * the rule, so no field starts empty and changes under its control.
 */
export const RuleForm = ({ open, rule, onOpenChange }: Props) => {
  const { t } = useLoyaltyTranslation()
  const { number, display } = useFormat()
  const errorText = useErrorText()
  const { data: settings } = useLoyaltySettings()
  const options = useRuleOptions()

  const schema = useMemo(() => ruleSchema(t, (n) => number(n), display), [display, number, t])
  const form = useForm<RuleValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<RuleValues>,
    defaultValues: ruleValues(rule),
  })

  const save = useLoyaltyMutation({
    mutationFn: (body: object) =>
      api<{ cashback_rule: CashbackRule }>(rule ? `${RULES}/${rule.id}` : RULES, {
        method: "POST",
        body,
      }),
    invalidate: () => [loyaltyKeys.rules()],
    success: ({ cashback_rule }) => t("rules.toast.saved", { name: isolate(cashback_rule.name) }),
    onSuccess: () => onOpenChange(false),
    onError: (error) => {
      const field =
        error instanceof LoyaltyApiError ? fieldOfCode(error.code, form.getValues()) : undefined
      if (field) {
        form.setError(field, { message: errorText(error) }, { shouldFocus: true })
        return true
      }
    },
  })

  // An edit sends only what changed: nothing else can be rewritten.
  const submit = form.handleSubmit((values) =>
    save.mutate(rule ? changedBody(values, rule) : toBody(values))
  )

  return (
    <FormModal
      open={open}
      onOpenChange={onOpenChange}
      title={rule ? t("rules.form.editTitle") : t("rules.form.createTitle")}
      description={rule ? t("rules.form.editDescription") : t("rules.form.createDescription")}
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel={rule ? t("common.actions.save") : t("rules.create")}
      testId="rule-form"
    >
      {settings ? (
        // Amounts show in the shop's unit: the fields wait for the settings.
        <div className="flex flex-col gap-y-10">
          <BasicsSection control={form.control} />
          <AmountSection control={form.control} currencies={options.currencies} />
          <TimingSection control={form.control} />
          <ScopeSection control={form.control} />
          <WhoSection control={form.control} channels={options.channels} tiers={options.tiers} />
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          {t("common.states.loading")}
        </Text>
      )}
    </FormModal>
  )
}
