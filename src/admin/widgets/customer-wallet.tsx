import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import {
  Badge,
  Button,
  Container,
  Heading,
  Input,
  Label,
  Select,
  Table,
  Text,
  Textarea,
} from "@medusajs/ui"
import { FormEvent, useCallback, useEffect, useState } from "react"
import {
  errorMessage,
  formatMoney,
  sdk,
  Wallet,
  WalletTransaction,
} from "../lib/client"

const TYPE_COLOR: Record<WalletTransaction["type"], "green" | "red" | "orange" | "grey" | "blue"> = {
  credit: "green",
  debit: "blue",
  expiry: "orange",
  reversal: "grey",
  adjustment: "grey",
}

const CustomerWalletWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const [wallets, setWallets] = useState<Wallet[]>([])
  const [selected, setSelected] = useState<string>("")
  const [transactions, setTransactions] = useState<WalletTransaction[]>([])
  const [loading, setLoading] = useState(true)
  const [mode, setMode] = useState<"credit" | "debit">("credit")
  const [currency, setCurrency] = useState("irr")
  const [amount, setAmount] = useState("")
  const [note, setNote] = useState("")
  const [expiresAt, setExpiresAt] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const wallet = wallets.find((w) => w.id === selected)

  const load = useCallback(async () => {
    const { wallets } = await sdk.client.fetch<{ wallets: Wallet[] }>(
      "/admin/loyalty/wallets",
      { query: { customer_id: customer.id, limit: 50 } }
    )
    setWallets(wallets)
    const current = wallets.find((w) => w.id === selected) ?? wallets[0]
    setSelected(current?.id ?? "")
    if (current) {
      const { transactions } = await sdk.client.fetch<{ transactions: WalletTransaction[] }>(
        `/admin/loyalty/wallets/${current.id}/transactions`,
        { query: { limit: 8 } }
      )
      setTransactions(transactions)
    } else {
      setTransactions([])
    }
    setLoading(false)
  }, [customer.id, selected])

  useEffect(() => {
    load().catch((e) => {
      setError(errorMessage(e))
      setLoading(false)
    })
  }, [load])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (!note.trim()) {
      setError("A note is required: say why the balance changes.")
      return
    }
    setBusy(true)
    try {
      let target = wallet
      if (!target) {
        const { wallet: created } = await sdk.client.fetch<{ wallet: Wallet }>(
          "/admin/loyalty/wallets",
          { method: "POST", body: { customer_id: customer.id, currency_code: currency } }
        )
        target = created
        setSelected(created.id)
      }
      await sdk.client.fetch(`/admin/loyalty/wallets/${target.id}/${mode}`, {
        method: "POST",
        // A double click must not credit twice: one key per submitted form.
        headers: { "Idempotency-Key": `${target.id}-${mode}-${Date.now()}` },
        body: {
          amount,
          note: note.trim(),
          ...(mode === "credit" && expiresAt
            ? { expires_at: new Date(expiresAt).toISOString() }
            : {}),
        },
      })
      setAmount("")
      setNote("")
      setExpiresAt("")
      await load()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const toggleFreeze = async () => {
    if (!wallet) return
    setError(null)
    try {
      await sdk.client.fetch(
        `/admin/loyalty/wallets/${wallet.id}/${wallet.status === "frozen" ? "unfreeze" : "freeze"}`,
        { method: "POST" }
      )
      await load()
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Loyalty wallet</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Cashback and store credit this customer can spend.
          </Text>
        </div>
        {wallet && (
          <div className="flex items-center gap-x-2">
            <Badge color={wallet.status === "active" ? "green" : "red"} size="2xsmall">
              {wallet.status}
            </Badge>
            <Button size="small" variant="secondary" onClick={toggleFreeze}>
              {wallet.status === "frozen" ? "Unfreeze" : "Freeze"}
            </Button>
          </div>
        )}
      </div>

      {loading ? (
        <div className="px-6 py-4">
          <Text size="small">Loading…</Text>
        </div>
      ) : (
        <>
          {wallets.length > 1 && (
            <div className="flex gap-x-2 px-6 py-3">
              {wallets.map((w) => (
                <Button
                  key={w.id}
                  size="small"
                  variant={w.id === selected ? "primary" : "transparent"}
                  onClick={() => setSelected(w.id)}
                >
                  {w.currency_code.toUpperCase()}
                </Button>
              ))}
            </div>
          )}
          {wallet ? (
            <div className="grid grid-cols-3 gap-4 px-6 py-4" data-testid="wallet-balance">
              <Figure label="Available" value={formatMoney(wallet.balance.available, wallet.currency_code)} />
              <Figure label="Pending" value={formatMoney(wallet.balance.pending, wallet.currency_code)} />
              <Figure
                label={`Expiring in ${wallet.balance.expiring_within_days} days`}
                value={formatMoney(wallet.balance.expiring_soon, wallet.currency_code)}
                hint={
                  wallet.balance.next_expiry_at
                    ? `Next expiry ${new Date(wallet.balance.next_expiry_at).toLocaleDateString()}`
                    : undefined
                }
              />
            </div>
          ) : (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                No wallet yet. A credit below opens one.
              </Text>
            </div>
          )}

          {transactions.length > 0 && wallet && (
            <div className="px-6 py-4">
              <Text size="small" weight="plus" className="mb-2">
                Latest transactions
              </Text>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Date</Table.HeaderCell>
                    <Table.HeaderCell>Type</Table.HeaderCell>
                    <Table.HeaderCell>Note</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {transactions.map((t) => (
                    <Table.Row key={t.id}>
                      <Table.Cell>{new Date(t.created_at).toLocaleString()}</Table.Cell>
                      <Table.Cell>
                        <Badge size="2xsmall" color={TYPE_COLOR[t.type]}>
                          {t.type}
                        </Badge>
                      </Table.Cell>
                      <Table.Cell>{t.note ?? `${t.reference} ${t.reference_id}`}</Table.Cell>
                      <Table.Cell className="text-right">
                        {formatMoney(t.amount, wallet.currency_code)}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}

          <form className="flex flex-col gap-y-3 px-6 py-4" onSubmit={submit}>
            <div className="grid grid-cols-3 gap-3">
              <div className="flex flex-col gap-y-1">
                <Label size="small">Action</Label>
                <Select value={mode} onValueChange={(v) => setMode(v as "credit" | "debit")}>
                  <Select.Trigger>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="credit">Credit</Select.Item>
                    <Select.Item value="debit">Debit</Select.Item>
                  </Select.Content>
                </Select>
              </div>
              <div className="flex flex-col gap-y-1">
                <Label size="small" htmlFor="wallet-amount">
                  Amount ({(wallet?.currency_code ?? currency).toUpperCase()})
                </Label>
                <Input
                  id="wallet-amount"
                  inputMode="decimal"
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                  placeholder="150000"
                />
              </div>
              {wallet ? (
                mode === "credit" && (
                  <div className="flex flex-col gap-y-1">
                    <Label size="small" htmlFor="wallet-expires">
                      Expires (optional)
                    </Label>
                    <Input
                      id="wallet-expires"
                      type="date"
                      value={expiresAt}
                      onChange={(e) => setExpiresAt(e.target.value)}
                    />
                  </div>
                )
              ) : (
                <div className="flex flex-col gap-y-1">
                  <Label size="small">Currency</Label>
                  <Select value={currency} onValueChange={setCurrency}>
                    <Select.Trigger>
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      <Select.Item value="irr">IRR</Select.Item>
                      <Select.Item value="usd">USD</Select.Item>
                      <Select.Item value="eur">EUR</Select.Item>
                    </Select.Content>
                  </Select>
                </div>
              )}
            </div>
            <div className="flex flex-col gap-y-1">
              <Label size="small" htmlFor="wallet-note">
                Note (required)
              </Label>
              <Textarea
                id="wallet-note"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder="Why the balance changes, e.g. goodwill for a late delivery"
              />
            </div>
            {error && (
              <Text size="small" className="text-ui-fg-error" data-testid="wallet-error">
                {error}
              </Text>
            )}
            <div className="flex justify-end">
              <Button type="submit" size="small" isLoading={busy} disabled={!amount}>
                {mode === "credit" ? "Credit wallet" : "Debit wallet"}
              </Button>
            </div>
          </form>
        </>
      )}
    </Container>
  )
}

const Figure = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus">
      {value}
    </Text>
    {hint && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
  </div>
)

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerWalletWidget
