import {
  Button,
  Container,
  Heading,
  Input,
  Label,
  Text,
  toast,
} from "@medusajs/ui"
import { FormEvent, useEffect, useState } from "react"
import { errorMessage, LoyaltySettings, sdk } from "../../../../lib/client"

/** The shop settings that belong to tiers: the grace period. */
export const TierSettings = () => {
  const [saved, setSaved] = useState<number | null>(null)
  const [graceDays, setGraceDays] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    sdk.client
      .fetch<{ settings: LoyaltySettings }>("/admin/loyalty/settings")
      .then(({ settings }) => {
        setSaved(settings.tier_grace_days)
        setGraceDays(String(settings.tier_grace_days))
      })
      .catch((e) => setError(errorMessage(e)))
  }, [])

  const dirty = saved !== null && graceDays.trim() !== String(saved)

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const value = graceDays.trim()
    if (!/^\d+$/.test(value)) {
      setError(`tier_grace_days must be a whole number of days, got "${value}"`)
      return
    }
    setBusy(true)
    try {
      const { settings } = await sdk.client.fetch<{
        settings: LoyaltySettings
      }>("/admin/loyalty/settings", {
        method: "POST",
        body: { tier_grace_days: parseInt(value, 10) },
      })
      setSaved(settings.tier_grace_days)
      setGraceDays(String(settings.tier_grace_days))
      toast.success("Grace period saved")
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="tier-settings">
      <form onSubmit={save}>
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div>
            <Heading level="h2">Settings</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              How the nightly evaluation treats customers whose orders no
              longer reach their tier.
            </Text>
          </div>
          <Button
            size="small"
            variant="secondary"
            type="submit"
            disabled={!dirty}
            isLoading={busy}
            data-testid="tier-settings-save"
          >
            Save settings
          </Button>
        </div>
        <div className="flex flex-col gap-y-1.5 border-t px-6 py-4">
          <Label size="small" weight="plus" htmlFor="tier-grace-days">
            Grace period (days)
          </Label>
          <Input
            id="tier-grace-days"
            size="small"
            inputMode="numeric"
            className="w-32"
            value={graceDays}
            onChange={(e) => {
              setGraceDays(e.target.value)
              setError(null)
            }}
            disabled={saved === null}
            aria-invalid={!!error || undefined}
          />
          <Text size="xsmall" className="text-ui-fg-subtle">
            Days a customer keeps a tier after falling below it; 0 moves them
            down at the next evaluation. Up to 3650.
          </Text>
          {error && (
            <Text
              size="small"
              className="text-ui-fg-error"
              data-testid="tier-settings-error"
            >
              {error}
            </Text>
          )}
        </div>
      </form>
    </Container>
  )
}
