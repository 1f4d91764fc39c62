import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EllipsisHorizontal, ReceiptPercent } from "@medusajs/icons"
import {
  Button,
  Container,
  DropdownMenu,
  Heading,
  IconButton,
  StatusBadge,
  Table,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { CashbackRule, errorMessage, sdk } from "../../../lib/client"
import { LoyaltySettings } from "./components/loyalty-settings"
import { RuleForm } from "./components/rule-form"
import {
  ruleAmount,
  ruleAmountDetails,
  ruleExpiry,
  ruleLimits,
  ruleRelease,
  ruleToInput,
  ruleUsage,
  ruleWindow,
} from "./components/rule-format"

const CashbackRulesPage = () => {
  const [rules, setRules] = useState<CashbackRule[]>([])
  const [count, setCount] = useState(0)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [editing, setEditing] = useState<CashbackRule | null>(null)
  const prompt = usePrompt()

  const load = useCallback(async () => {
    const { cashback_rules, count } = await sdk.client.fetch<{
      cashback_rules: CashbackRule[]
      count: number
    }>("/admin/loyalty/cashback-rules", { query: { limit: 100 } })
    // Oldest first, so a row does not move after an edit.
    setRules(
      [...cashback_rules].sort(
        (a, b) =>
          a.created_at.localeCompare(b.created_at) ||
          a.name.localeCompare(b.name)
      )
    )
    setCount(count)
    setError(null)
  }, [])

  useEffect(() => {
    load()
      .catch((e) => setError(errorMessage(e)))
      .finally(() => setLoading(false))
  }, [load])

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      toast.success(done)
      await load()
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  const duplicate = (rule: CashbackRule) =>
    act(
      () =>
        sdk.client.fetch("/admin/loyalty/cashback-rules", {
          method: "POST",
          // The copy starts inactive so it cannot pay twice beside the original.
          body: {
            ...ruleToInput(rule),
            name: `${rule.name} (copy)`,
            is_active: false,
          },
        }),
      `Duplicated "${rule.name}" (inactive)`
    )

  const toggle = (rule: CashbackRule) =>
    act(
      () =>
        sdk.client.fetch(`/admin/loyalty/cashback-rules/${rule.id}`, {
          method: "POST",
          body: { is_active: !rule.is_active },
        }),
      `${rule.is_active ? "Disabled" : "Enabled"} "${rule.name}"`
    )

  const remove = async (rule: CashbackRule) => {
    const confirmed = await prompt({
      title: `Delete "${rule.name}"?`,
      description:
        "The rule stops paying cashback. Cashback it already paid stays in the wallets.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    await act(
      () =>
        sdk.client.fetch(`/admin/loyalty/cashback-rules/${rule.id}`, {
          method: "DELETE",
        }),
      `Deleted "${rule.name}"`
    )
  }

  const openForm = (rule: CashbackRule | null) => {
    setEditing(rule)
    setFormOpen(true)
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Cashback rules</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              What shoppers earn back into their wallet on each order.
            </Text>
          </div>
          <Button
            size="small"
            variant="secondary"
            onClick={() => openForm(null)}
          >
            Create rule
          </Button>
        </div>
        {loading ? (
          <div className="px-6 py-4">
            <Text size="small">Loading…</Text>
          </div>
        ) : error ? (
          <div className="px-6 py-4">
            <Text size="small" className="text-ui-fg-error">
              {error}
            </Text>
          </div>
        ) : rules.length === 0 ? (
          <div className="flex flex-col items-center gap-y-1 px-6 py-10">
            <Text size="small" weight="plus">
              No cashback rules yet
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              Create one to start paying cashback, e.g. 2% on every order.
            </Text>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <Table data-testid="cashback-rules-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Cashback</Table.HeaderCell>
                  <Table.HeaderCell>Window</Table.HeaderCell>
                  <Table.HeaderCell>Release</Table.HeaderCell>
                  <Table.HeaderCell>Expiry</Table.HeaderCell>
                  <Table.HeaderCell>Usage</Table.HeaderCell>
                  <Table.HeaderCell className="w-12" />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rules.map((rule) => {
                  const usage = ruleUsage(rule)
                  return (
                    <Table.Row
                      key={rule.id}
                      data-testid="cashback-rule-row"
                      className="[&_td]:py-2.5 [&_td]:align-top"
                    >
                      <Table.Cell className="min-w-[220px] max-w-[320px] whitespace-normal">
                        <button
                          type="button"
                          className="txt-small-plus text-ui-fg-base hover:text-ui-fg-interactive block text-left [overflow-wrap:anywhere]"
                          onClick={() => openForm(rule)}
                        >
                          {rule.name}
                        </button>
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          {ruleLimits(rule)}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          {rule.combination === "stack"
                            ? "Stacks on other rules"
                            : "Best rule wins"}
                          {rule.priority ? ` · priority ${rule.priority}` : ""}
                        </Text>
                      </Table.Cell>
                      <Table.Cell>
                        <StatusBadge color={rule.is_active ? "green" : "grey"}>
                          {rule.is_active ? "Active" : "Inactive"}
                        </StatusBadge>
                      </Table.Cell>
                      <Table.Cell>
                        <Text
                          size="small"
                          weight="plus"
                          className="whitespace-nowrap"
                        >
                          {ruleAmount(rule)}
                        </Text>
                        {ruleAmountDetails(rule).map((d) => (
                          <Text
                            key={d}
                            size="xsmall"
                            className="text-ui-fg-subtle whitespace-nowrap"
                          >
                            {d}
                          </Text>
                        ))}
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap">
                        {ruleWindow(rule)}
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap">
                        {ruleRelease(rule)}
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap">
                        {ruleExpiry(rule)}
                      </Table.Cell>
                      <Table.Cell>
                        <Text
                          size="small"
                          className={`whitespace-nowrap ${rule.usage?.orders ? "" : "text-ui-fg-muted"}`}
                        >
                          {usage.summary}
                        </Text>
                        {usage.takenBack.map((t) => (
                          <Text
                            key={t}
                            size="xsmall"
                            className="text-ui-fg-subtle whitespace-nowrap"
                          >
                            {t}
                          </Text>
                        ))}
                      </Table.Cell>
                      <Table.Cell>
                        <DropdownMenu>
                          <DropdownMenu.Trigger asChild>
                            <IconButton
                              size="small"
                              variant="transparent"
                              aria-label={`Actions for ${rule.name}`}
                            >
                              <EllipsisHorizontal />
                            </IconButton>
                          </DropdownMenu.Trigger>
                          <DropdownMenu.Content align="end">
                            <DropdownMenu.Item onClick={() => openForm(rule)}>
                              Edit
                            </DropdownMenu.Item>
                            <DropdownMenu.Item onClick={() => duplicate(rule)}>
                              Duplicate
                            </DropdownMenu.Item>
                            <DropdownMenu.Item onClick={() => toggle(rule)}>
                              {rule.is_active ? "Disable" : "Enable"}
                            </DropdownMenu.Item>
                            <DropdownMenu.Separator />
                            <DropdownMenu.Item
                              onClick={() => remove(rule)}
                              className="text-ui-fg-error"
                            >
                              Delete
                            </DropdownMenu.Item>
                          </DropdownMenu.Content>
                        </DropdownMenu>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
            {count > rules.length && (
              <Text size="xsmall" className="text-ui-fg-subtle px-6 py-3">
                Showing the first {rules.length} of {count} rules.
              </Text>
            )}
          </div>
        )}
      </Container>

      <LoyaltySettings />

      <RuleForm
        open={formOpen}
        rule={editing}
        onOpenChange={setFormOpen}
        onSaved={(saved) => {
          setFormOpen(false)
          toast.success(`Saved "${saved.name}"`)
          load().catch((e) => setError(errorMessage(e)))
        }}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Cashback rules",
  icon: ReceiptPercent,
})

export default CashbackRulesPage
