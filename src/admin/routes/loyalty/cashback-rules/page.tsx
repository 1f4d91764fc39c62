import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useCallback, useState } from "react"
import { CashbackRule } from "../../../lib/client"
import { LoyaltySettings } from "./components/loyalty-settings"
import { RuleForm } from "./components/rule-form"
import { RulesTable } from "./components/rules-table"

const CashbackRulesPage = () => {
  // Each opening mounts a fresh form (`key`) holding the rule from its first render.
  const [form, setForm] = useState<{ open: boolean; rule: CashbackRule | null; key: number }>({
    open: false,
    rule: null,
    key: 0,
  })
  const open = useCallback(
    (rule: CashbackRule | null) => setForm((f) => ({ open: true, rule, key: f.key + 1 })),
    []
  )

  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="cashback-rules">
      <Container className="flex flex-col overflow-hidden p-0">
        <RulesTable onCreate={() => open(null)} onEdit={open} />
      </Container>
      <LoyaltySettings />
      <RuleForm
        key={form.key}
        open={form.open}
        rule={form.rule}
        onOpenChange={(o) => setForm((f) => ({ ...f, open: o }))}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.rules",
  translationNs: "loyalty",
  icon: ReceiptPercent,
  rank: 1,
})

export default CashbackRulesPage
