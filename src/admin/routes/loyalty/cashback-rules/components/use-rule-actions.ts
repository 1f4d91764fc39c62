import { usePrompt } from "@medusajs/ui"
import { api } from "../../../../lib/api"
import { CashbackRule } from "../../../../lib/client"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { loyaltyKeys } from "../../../../lib/query"
import { ruleToInput } from "./rule-format"
import { isolate } from "./sentence"

const RULES = "/admin/loyalty/cashback-rules"

/** Enable or disable, duplicate (inactive) and delete (after asking) a rule; a toast after each. */
export function useRuleActions() {
  const { t } = useLoyaltyTranslation()
  const prompt = usePrompt()
  const invalidate = () => [loyaltyKeys.rules()]

  const toggle = useLoyaltyMutation({
    mutationFn: (rule: CashbackRule) =>
      api(`${RULES}/${rule.id}`, { method: "POST", body: { is_active: !rule.is_active } }),
    invalidate,
    success: (_, rule) =>
      rule.is_active
        ? t("rules.toast.disabled", { name: isolate(rule.name) })
        : t("rules.toast.enabled", { name: isolate(rule.name) }),
  })

  const duplicate = useLoyaltyMutation({
    // The copy starts inactive so it cannot pay twice beside the original.
    mutationFn: (rule: CashbackRule) =>
      api(RULES, {
        method: "POST",
        body: {
          ...ruleToInput(rule),
          name: t("rules.copyName", { name: rule.name }),
          is_active: false,
        },
      }),
    invalidate,
    success: (_, rule) => t("rules.toast.duplicated", { name: isolate(rule.name) }),
  })

  const remove = useLoyaltyMutation({
    mutationFn: (rule: CashbackRule) => api(`${RULES}/${rule.id}`, { method: "DELETE" }),
    invalidate,
    success: (_, rule) => t("rules.toast.deleted", { name: isolate(rule.name) }),
  })

  const confirmDelete = async (rule: CashbackRule) => {
    const confirmed = await prompt({
      title: t("rules.delete.title", { name: isolate(rule.name) }),
      description: t("rules.delete.description"),
      confirmText: t("common.actions.delete"),
      cancelText: t("common.actions.cancel"),
    })
    if (confirmed) {
      remove.mutate(rule)
    }
  }

  return {
    toggle: (rule: CashbackRule) => toggle.mutate(rule),
    duplicate: (rule: CashbackRule) => duplicate.mutate(rule),
    remove: confirmDelete,
  }
}
