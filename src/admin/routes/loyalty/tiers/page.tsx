import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EllipsisHorizontal, Trophy } from "@medusajs/icons"
import {
  Button,
  Container,
  DropdownMenu,
  Heading,
  IconButton,
  Table,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { errorMessage, sdk, Tier } from "../../../lib/client"
import {
  tierBenefits,
  tierThresholds,
  tierWindow,
} from "../../../lib/tier-format"
import { TierForm } from "./components/tier-form"
import { TierSettings } from "./components/tier-settings"

type Evaluation = {
  evaluated: number
  upgraded: number
  downgraded: number
  in_grace: number
}

const customers = (n: number) =>
  `${n.toLocaleString()} ${n === 1 ? "customer" : "customers"}`

async function loadCurrencies() {
  const { stores } = await sdk.client
    .fetch<{
      stores: { supported_currencies?: { currency_code: string }[] }[]
    }>("/admin/stores", { query: { fields: "id,supported_currencies.currency_code" } })
    .catch(() => ({ stores: [] }))
  return Array.from(
    new Set(
      stores.flatMap((s) =>
        (s.supported_currencies ?? []).map((c) => c.currency_code.toLowerCase())
      )
    )
  ).sort()
}

const TiersPage = () => {
  const [tiers, setTiers] = useState<Tier[]>([])
  const [currencies, setCurrencies] = useState<string[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [editing, setEditing] = useState<Tier | null>(null)
  const [evaluating, setEvaluating] = useState(false)
  const prompt = usePrompt()

  const load = useCallback(async () => {
    const { tiers } = await sdk.client.fetch<{ tiers: Tier[] }>(
      "/admin/loyalty/tiers"
    )
    setTiers([...tiers].sort((a, b) => a.rank - b.rank))
    setError(null)
  }, [])

  useEffect(() => {
    load()
      .catch((e) => setError(errorMessage(e)))
      .finally(() => setLoading(false))
    loadCurrencies().then(setCurrencies)
  }, [load])

  const evaluate = async () => {
    setEvaluating(true)
    try {
      const result = await sdk.client.fetch<Evaluation>(
        "/admin/loyalty/tiers/evaluate",
        { method: "POST", body: {} }
      )
      toast.success(
        `Evaluated ${customers(result.evaluated)}: ${result.upgraded} up, ${result.downgraded} down, ${result.in_grace} in grace`
      )
      await load()
    } catch (e) {
      toast.error(errorMessage(e))
    } finally {
      setEvaluating(false)
    }
  }

  const remove = async (tier: Tier) => {
    const confirmed = await prompt({
      title: `Delete "${tier.name}"?`,
      description: tier.member_count
        ? `Its ${customers(tier.member_count)} move at once to the tier their orders reach, pinned ones too. Cashback rules limited to it no longer pay anyone in it.`
        : "No customer is in it. Cashback rules limited to it no longer pay anyone in it.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      const { moved_customers } = await sdk.client.fetch<{
        moved_customers: number
      }>(`/admin/loyalty/tiers/${tier.id}`, { method: "DELETE" })
      toast.success(
        `Deleted "${tier.name}": ${customers(moved_customers)} moved`
      )
      await load()
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  const openForm = (tier: Tier | null) => {
    setEditing(tier)
    setFormOpen(true)
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div>
            <Heading level="h1">Loyalty tiers</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Levels customers reach by their orders. An order lifts a
              customer at once; the nightly evaluation also moves them down.
            </Text>
          </div>
          <div className="flex shrink-0 items-center gap-x-2">
            <Button
              size="small"
              variant="secondary"
              onClick={evaluate}
              isLoading={evaluating}
              disabled={!tiers.length}
              data-testid="tiers-evaluate"
            >
              Evaluate now
            </Button>
            <Button
              size="small"
              variant="secondary"
              onClick={() => openForm(null)}
            >
              Create tier
            </Button>
          </div>
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
        ) : tiers.length === 0 ? (
          <div className="flex flex-col items-center gap-y-1 px-6 py-10">
            <Text size="small" weight="plus">
              No tiers yet
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              Create one, e.g. Silver from 15,000,000 Toman a year, then let
              cashback rules pay its rate.
            </Text>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <Table data-testid="tiers-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell className="w-16">Rank</Table.HeaderCell>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Qualifies with</Table.HeaderCell>
                  <Table.HeaderCell>Window</Table.HeaderCell>
                  <Table.HeaderCell>Benefits</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">
                    Members
                  </Table.HeaderCell>
                  <Table.HeaderCell className="w-12" />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {tiers.map((tier) => {
                  const benefits = tierBenefits(tier)
                  return (
                    <Table.Row
                      key={tier.id}
                      data-testid="tier-row"
                      className="[&_td]:py-2.5 [&_td]:align-top"
                    >
                      <Table.Cell>
                        <Text size="small" weight="plus">
                          {tier.rank}
                        </Text>
                      </Table.Cell>
                      <Table.Cell className="min-w-[180px] max-w-[320px] whitespace-normal">
                        <button
                          type="button"
                          className="txt-small-plus text-ui-fg-base hover:text-ui-fg-interactive block text-left [overflow-wrap:anywhere]"
                          onClick={() => openForm(tier)}
                        >
                          {tier.name}
                        </button>
                        {tier.description && (
                          <Text
                            size="xsmall"
                            className="text-ui-fg-subtle [overflow-wrap:anywhere]"
                          >
                            {tier.description}
                          </Text>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        {tierThresholds(tier).map((t) => (
                          <Text
                            key={t}
                            size="small"
                            className="whitespace-nowrap"
                          >
                            {t}
                          </Text>
                        ))}
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap">
                        {tierWindow(tier)}
                      </Table.Cell>
                      <Table.Cell>
                        {benefits.length ? (
                          benefits.map((b) => (
                            <Text
                              key={b}
                              size="small"
                              className="whitespace-nowrap"
                            >
                              {b}
                            </Text>
                          ))
                        ) : (
                          <Text size="small" className="text-ui-fg-muted">
                            None
                          </Text>
                        )}
                      </Table.Cell>
                      <Table.Cell className="text-right">
                        <Text
                          size="small"
                          className={
                            tier.member_count ? "" : "text-ui-fg-muted"
                          }
                          data-testid="tier-members"
                        >
                          {tier.member_count.toLocaleString()}
                        </Text>
                      </Table.Cell>
                      <Table.Cell>
                        <DropdownMenu>
                          <DropdownMenu.Trigger asChild>
                            <IconButton
                              size="small"
                              variant="transparent"
                              aria-label={`Actions for ${tier.name}`}
                            >
                              <EllipsisHorizontal />
                            </IconButton>
                          </DropdownMenu.Trigger>
                          <DropdownMenu.Content align="end">
                            <DropdownMenu.Item onClick={() => openForm(tier)}>
                              Edit
                            </DropdownMenu.Item>
                            <DropdownMenu.Separator />
                            <DropdownMenu.Item
                              onClick={() => remove(tier)}
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
            <Text size="xsmall" className="text-ui-fg-subtle px-6 py-3">
              Ordered by rank. To reorder, edit the ranks: each tier must ask
              for more than the tiers ranked below it.
            </Text>
          </div>
        )}
      </Container>

      <TierSettings />

      <TierForm
        open={formOpen}
        tier={editing}
        tiers={tiers}
        currencies={currencies}
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
  label: "Loyalty tiers",
  icon: Trophy,
})

export default TiersPage
