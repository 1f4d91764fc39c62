// The till and kiosk settings card: loading, the draft and its save. What
// it edits and its two sections live in till-settings/ beside this file.
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, LoyaltySettings, sdk } from "../../../../lib/client"
import {
  FieldError,
  fieldInMessage,
  saveSettings,
} from "../../../../lib/settings-form"
import {
  changedBody,
  currencyInError,
  Draft,
  Errors,
  errorTestId,
  Field,
  FIELDS,
  toDraft,
} from "./till-settings/draft"
import { KioskSection } from "./till-settings/kiosk-section"
import { loadShop, Shop } from "./till-settings/shop"
import { TillSection } from "./till-settings/till-section"

/**
 * The till's and the kiosk's settings: the code to spend credit, the largest
 * purchase, and who may sign up by SMS and how often.
 */
export const TillSettings = () => {
  const [saved, setSaved] = useState<LoyaltySettings | null>(null)
  const [shop, setShop] = useState<Shop | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [errorCurrency, setErrorCurrency] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    // A load that answers after the card was left (or, in development,
    // mounted twice) must not overwrite what is being typed.
    let current = true
    Promise.all([
      sdk.client.fetch<{ settings: LoyaltySettings }>(
        "/admin/loyalty/settings"
      ),
      loadShop(),
    ])
      .then(([{ settings }, shop]) => {
        if (!current) return
        setShop(shop)
        setSaved(settings)
        setDraft(toDraft(settings, shop))
      })
      .catch((e) => current && setLoadError(errorMessage(e)))
    return () => {
      current = false
    }
  }, [])

  const dirty =
    !!saved &&
    !!shop &&
    !!draft &&
    Object.keys(changedBody(draft, saved, shop)).length > 0

  const change = (patch: Partial<Draft>, field: Field) => {
    if (!draft) return
    setDraft({ ...draft, ...patch })
    if (errors[field] || errors.general) {
      const next = { ...errors }
      delete next[field]
      delete next.general
      setErrors(next)
    }
  }

  const save = async () => {
    if (!draft || !saved || !shop) return
    setBusy(true)
    setErrors({})
    try {
      const settings = await saveSettings(changedBody(draft, saved, shop))
      setSaved(settings)
      setDraft(toDraft(settings, shop))
      toast.success("Till and kiosk settings saved")
    } catch (e) {
      const message = errorMessage(e)
      const field = fieldInMessage(message, FIELDS)
      setErrorCurrency(
        field === "pos_max_purchase" ? currencyInError(message, draft) : null
      )
      setErrors({ [field]: message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="till-settings">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Till and kiosk settings</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What a till may do with a member's credit, and who may join the club
            by SMS at the kiosk.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          className="shrink-0"
          onClick={save}
          disabled={!dirty}
          isLoading={busy}
          data-testid="till-settings-save"
        >
          Save settings
        </Button>
      </div>
      {!draft ? (
        <div className="px-6 py-4">
          <Text
            size="small"
            className={loadError ? "text-ui-fg-error" : "text-ui-fg-subtle"}
          >
            {loadError ?? "Loading…"}
          </Text>
        </div>
      ) : (
        <>
          <TillSection
            draft={draft}
            errors={errors}
            change={change}
            setDraft={setDraft}
            errorCurrency={errorCurrency}
          />

          <KioskSection
            draft={draft}
            errors={errors}
            change={change}
            regionCountries={shop?.regionCountries}
          />
          {errors.general && (
            <div className="px-6 py-3">
              <FieldError
                error={errors.general}
                testId={errorTestId("general")}
              />
            </div>
          )}
        </>
      )}
    </Container>
  )
}
