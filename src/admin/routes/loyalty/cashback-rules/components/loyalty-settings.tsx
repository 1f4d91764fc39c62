import {
  Button,
  Container,
  Heading,
  Input,
  Label,
  RadioGroup,
  Text,
  toast,
} from "@medusajs/ui"
import { useEffect, useState } from "react"
import { plainDecimal } from "../../../../lib/amounts"
import {
  ClawbackStrategy,
  errorMessage,
  LoyaltySettings as Settings,
  sdk,
} from "../../../../lib/client"
import {
  changedFields,
  saveSettings,
  SettingSwitch,
} from "../../../../lib/settings-form"

const STRATEGIES: {
  value: ClawbackStrategy
  label: string
  description: string
}[] = [
  {
    value: "partial",
    label: "Partial",
    description: "Take what the wallet has and record the shortfall.",
  },
  {
    value: "force_negative",
    label: "Force negative",
    description: "The balance may go below zero; later credit pays it off.",
  },
  {
    value: "skip",
    label: "Skip",
    description:
      "Take only what is left of that cashback; what was spent stays spent.",
  },
]

/** "irr: 1000000, usd: 10" -> { irr: "1000000", usd: "10" }; empty -> null. */
function parseMinimums(text: string): Record<string, string> | null {
  const entries = text
    .split(",")
    .map((part) => part.split(":").map((s) => s.trim()))
    .filter(([currency]) => !!currency)
  if (!entries.length) return null
  return Object.fromEntries(
    entries.map(([currency, amount]) => [
      currency.toLowerCase(),
      plainDecimal(amount ?? ""),
    ])
  )
}

// Checkout limits are edited as text: "50" (percent) and "irr: 1000000".
const shareText = (s: Settings) =>
  s.max_credit_share == null ? "" : String(s.max_credit_share)
const minimumsText = (s: Settings) =>
  Object.entries(s.min_redeem_balance ?? {})
    .map(([currency, amount]) => `${currency}: ${amount}`)
    .join(", ")

/** The API body for what the panel shows. */
const toBody = (draft: Settings, share: string, minimums: string) => ({
  clawback_strategy: draft.clawback_strategy,
  include_credit_paid: draft.include_credit_paid,
  credit_pays_shipping: draft.credit_pays_shipping,
  auto_apply: draft.auto_apply,
  // The API checks the numbers and names the field when one is wrong.
  max_credit_share:
    share.trim() === ""
      ? null
      : /^\d+$/.test(share.trim())
        ? Number(share)
        : share,
  min_redeem_balance: parseMinimums(minimums),
})

/**
 * Only the fields the panel changed: a stored value the panel shows in a way
 * that does not read back the same (no minimums stored as {}, shown empty,
 * read back as null) stays as stored when another setting is saved.
 */
const changedBody = (
  draft: Settings,
  share: string,
  minimums: string,
  saved: Settings
) =>
  changedFields(
    toBody(draft, share, minimums),
    toBody(saved, shareText(saved), minimumsText(saved))
  )

/** The shop's loyalty settings: clawback on returns, and checkout credit limits. */
export const LoyaltySettings = () => {
  const [saved, setSaved] = useState<Settings | null>(null)
  const [draft, setDraft] = useState<Settings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    // A load that answers after the panel was left (or, in development,
    // mounted twice) must not overwrite what is being edited.
    let current = true
    sdk.client
      .fetch<{ settings: Settings }>("/admin/loyalty/settings")
      .then(({ settings }) => current && showSettings(settings))
      .catch((e) => current && setError(errorMessage(e)))
    return () => {
      current = false
    }
  }, [])

  const [share, setShare] = useState("")
  const [minimums, setMinimums] = useState("")
  const showSettings = (settings: Settings) => {
    setSaved(settings)
    setDraft(settings)
    setShare(shareText(settings))
    setMinimums(minimumsText(settings))
  }

  const dirty =
    !!saved &&
    !!draft &&
    Object.keys(changedBody(draft, share, minimums, saved)).length > 0

  const save = async () => {
    if (!draft || !saved) return
    setBusy(true)
    setError(null)
    try {
      showSettings(
        await saveSettings(changedBody(draft, share, minimums, saved))
      )
      toast.success("Loyalty settings saved")
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="loyalty-settings">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Settings</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            How cashback is taken back when an order is returned or canceled,
            what earns it, and how wallet credit pays at checkout.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={save}
          disabled={!dirty}
          isLoading={busy}
          data-testid="settings-save"
        >
          Save settings
        </Button>
      </div>
      {!draft ? (
        <div className="px-6 py-4">
          <Text
            size="small"
            className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"}
          >
            {error ?? "Loading…"}
          </Text>
        </div>
      ) : (
        <>
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <div>
              <Label size="small" weight="plus">
                Clawback when the cashback was already spent
              </Label>
              <Text size="xsmall" className="text-ui-fg-subtle">
                A return or cancelation takes back the cashback the order
                earned. If the shopper has spent some of it:
              </Text>
            </div>
            <RadioGroup
              className="grid grid-cols-3 gap-3"
              value={draft.clawback_strategy}
              onValueChange={(v) =>
                setDraft({ ...draft, clawback_strategy: v as ClawbackStrategy })
              }
              data-testid="clawback-strategy"
            >
              {STRATEGIES.map((s) => (
                <RadioGroup.ChoiceBox
                  key={s.value}
                  value={s.value}
                  label={s.label}
                  description={s.description}
                  data-testid={`clawback-${s.value}`}
                />
              ))}
            </RadioGroup>
          </div>
          <div className="px-6 py-4">
            <SettingSwitch
              id="include-credit-paid"
              weight="plus"
              label="Cashback on what was paid with wallet credit"
              hint="On: the part of an order the shopper paid with wallet credit earns cashback too. Off: only what they paid with money earns."
              checked={draft.include_credit_paid}
              onCheckedChange={(v) =>
                setDraft({ ...draft, include_credit_paid: v })
              }
            />
          </div>
          <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="checkout-settings">
            <div>
              <Label size="small" weight="plus">
                Paying with wallet credit at checkout
              </Label>
              <Text size="xsmall" className="text-ui-fg-subtle">
                Shoppers put their balance on the cart; these limits decide how
                much of an order it may pay.
              </Text>
            </div>
            <SettingSwitch
              id="credit-pays-shipping"
              label="Credit pays for shipping"
              hint="Off: credit pays for items only; shipping is paid with money."
              checked={draft.credit_pays_shipping}
              onCheckedChange={(v) =>
                setDraft({ ...draft, credit_pays_shipping: v })
              }
            />
            <SettingSwitch
              id="auto-apply"
              label="Apply credit automatically"
              hint={`On: a logged-in shopper's cart gets the most credit allowed without asking ("deduct from the invoice").`}
              checked={draft.auto_apply}
              onCheckedChange={(v) => setDraft({ ...draft, auto_apply: v })}
            />
            <div className="grid grid-cols-2 gap-x-6">
              <div className="flex flex-col gap-y-1">
                <Label size="small" htmlFor="max-credit-share">
                  Largest share of an order (%)
                </Label>
                <Input
                  id="max-credit-share"
                  size="small"
                  inputMode="numeric"
                  placeholder="No limit"
                  value={share}
                  onChange={(e) => setShare(e.target.value)}
                />
                <Text size="xsmall" className="text-ui-fg-subtle">
                  E.g. 50: credit pays at most half of an order. Empty: all of it.
                </Text>
              </div>
              <div className="flex flex-col gap-y-1">
                <Label size="small" htmlFor="min-redeem-balance">
                  Minimum balance before credit can be used
                </Label>
                <Input
                  id="min-redeem-balance"
                  size="small"
                  placeholder="irr: 1000000, usd: 10"
                  value={minimums}
                  onChange={(e) => setMinimums(e.target.value)}
                />
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Per currency. Empty: any balance can be used.
                </Text>
              </div>
            </div>
          </div>
          {error && (
            <div className="px-6 py-3">
              <Text
                size="small"
                className="text-ui-fg-error"
                data-testid="settings-error"
              >
                {error}
              </Text>
            </div>
          )}
        </>
      )}
    </Container>
  )
}
