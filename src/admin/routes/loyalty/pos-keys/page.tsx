import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EllipsisHorizontal, Key } from "@medusajs/icons"
import {
  Badge,
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
import {
  errorMessage,
  formatDate,
  PosKey,
  sdk,
} from "../../../lib/client"
import { CreatedKeyDialog } from "./components/created-key-dialog"
import { PosKeyForm, SCOPE_LABELS } from "./components/pos-key-form"
import { TillSettings } from "./components/till-settings"

const dateTime = (value: string) =>
  new Date(value).toLocaleString(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
  })

const PosKeysPage = () => {
  const [keys, setKeys] = useState<PosKey[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [created, setCreated] = useState<(PosKey & { key: string }) | null>(
    null
  )
  const prompt = usePrompt()

  const load = useCallback(async () => {
    const { pos_keys } = await sdk.client.fetch<{ pos_keys: PosKey[] }>(
      "/admin/loyalty/pos-keys"
    )
    setKeys(pos_keys)
    setError(null)
  }, [])

  useEffect(() => {
    load()
      .catch((e) => setError(errorMessage(e)))
      .finally(() => setLoading(false))
  }, [load])

  const revoke = async (key: PosKey) => {
    const confirmed = await prompt({
      title: `Revoke "${key.name}"?`,
      description: `The till at ${key.location} can no longer look up members, register purchases or redeem credit with this key. This cannot be undone: give the till a new key.`,
      confirmText: "Revoke",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await sdk.client.fetch(`/admin/loyalty/pos-keys/${key.id}/revoke`, {
        method: "POST",
        body: {},
      })
      toast.success(`Revoked "${key.name}"`)
      await load()
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div>
            <Heading level="h1">Till keys</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Each shop till gets its own key to reach the club: look up a
              member by phone, register a purchase, redeem credit. Revoke a
              key when a till is replaced or a key leaks.
            </Text>
          </div>
          <Button
            size="small"
            variant="secondary"
            className="shrink-0"
            onClick={() => setFormOpen(true)}
          >
            Create key
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
        ) : keys.length === 0 ? (
          <div className="flex flex-col items-center gap-y-1 px-6 py-10">
            <Text size="small" weight="plus">
              No till keys yet
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              Create one for each till that should reach the club.
            </Text>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <Table data-testid="pos-keys-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Key</Table.HeaderCell>
                  <Table.HeaderCell>Can</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Last used</Table.HeaderCell>
                  <Table.HeaderCell>Created</Table.HeaderCell>
                  <Table.HeaderCell className="w-12" />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {keys.map((key) => (
                  <Table.Row
                    key={key.id}
                    data-testid="pos-key-row"
                    data-name={key.name}
                    className="[&_td]:py-2.5 [&_td]:align-top"
                  >
                    <Table.Cell className="min-w-[160px] max-w-[280px] whitespace-normal">
                      <Text
                        size="small"
                        weight="plus"
                        className="[overflow-wrap:anywhere]"
                      >
                        {key.name}
                      </Text>
                      <Text
                        size="xsmall"
                        className="text-ui-fg-subtle [overflow-wrap:anywhere]"
                      >
                        {key.location}
                      </Text>
                    </Table.Cell>
                    <Table.Cell>
                      <code className="txt-compact-small text-ui-fg-subtle">
                        {key.key_prefix}…
                      </code>
                    </Table.Cell>
                    <Table.Cell>
                      <div className="flex flex-wrap gap-1">
                        {key.scopes.map((s) => (
                          <Badge key={s} size="2xsmall">
                            {SCOPE_LABELS[s] ?? s}
                          </Badge>
                        ))}
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      {key.revoked_at ? (
                        <StatusBadge
                          color="red"
                          title={`Revoked ${dateTime(key.revoked_at)}`}
                          data-testid="pos-key-status"
                        >
                          Revoked
                        </StatusBadge>
                      ) : (
                        <StatusBadge color="green" data-testid="pos-key-status">
                          Active
                        </StatusBadge>
                      )}
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap">
                      {key.last_used_at ? (
                        dateTime(key.last_used_at)
                      ) : (
                        <Text size="small" className="text-ui-fg-muted">
                          Never
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap">
                      {formatDate(key.created_at)}
                    </Table.Cell>
                    <Table.Cell>
                      {!key.revoked_at && (
                        <DropdownMenu>
                          <DropdownMenu.Trigger asChild>
                            <IconButton
                              size="small"
                              variant="transparent"
                              aria-label={`Actions for ${key.name}`}
                            >
                              <EllipsisHorizontal />
                            </IconButton>
                          </DropdownMenu.Trigger>
                          <DropdownMenu.Content align="end">
                            <DropdownMenu.Item
                              onClick={() => revoke(key)}
                              className="text-ui-fg-error"
                            >
                              Revoke
                            </DropdownMenu.Item>
                          </DropdownMenu.Content>
                        </DropdownMenu>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </Container>

      <TillSettings />

      <PosKeyForm
        open={formOpen}
        onOpenChange={setFormOpen}
        onCreated={(key) => {
          setFormOpen(false)
          setCreated(key)
          load().catch((e) => setError(errorMessage(e)))
        }}
      />
      <CreatedKeyDialog created={created} onClose={() => setCreated(null)} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Till keys",
  icon: Key,
})

export default PosKeysPage
