import { Button, Checkbox, Drawer, Label, Text } from "@medusajs/ui"
import { FormEvent, useEffect, useState } from "react"
import { InputField } from "../../../../components/form-field"
import { errorMessage, PosKey, PosScope, sdk } from "../../../../lib/client"
import { fieldInMessage } from "../../../../lib/settings-form"

/** Short names for the table's badges. */
export const SCOPE_LABELS: Record<PosScope, string> = {
  lookup: "Look up",
  earn: "Earn",
  redeem: "Redeem",
}

const SCOPES: { scope: PosScope; label: string; description: string }[] = [
  {
    scope: "lookup",
    label: "Look up members",
    description: "Find a member by phone: name, tier and balance.",
  },
  {
    scope: "earn",
    label: "Register purchases (earn)",
    description: "Send each sale so the member earns cashback.",
  },
  {
    scope: "redeem",
    label: "Redeem credit",
    description: "Let a member pay with their wallet balance.",
  },
]

type FormState = { name: string; location: string; scopes: PosScope[] }

const INITIAL: FormState = {
  name: "",
  location: "",
  scopes: ["lookup", "earn"],
}

// Field names as the API spells them in its messages.
const MESSAGE_FIELDS = ["location", "scopes", "name"] as const

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  onCreated: (key: PosKey & { key: string }) => void
}

export const PosKeyForm = ({ open, onOpenChange, onCreated }: Props) => {
  const [state, setState] = useState<FormState>(INITIAL)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (open) {
      setState(INITIAL)
      setError(null)
    }
  }, [open])

  const badField = error ? fieldInMessage(error, MESSAGE_FIELDS) : null
  const invalid = (field: string) => badField === field || undefined

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }))
    if (badField && badField === key) {
      setError(null)
    }
  }

  const toggle = (scope: PosScope, on: boolean) =>
    set(
      "scopes",
      SCOPES.map((s) => s.scope).filter((s) =>
        s === scope ? on : state.scopes.includes(s)
      )
    )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (!state.scopes.length) {
      setError("scopes: choose at least one thing the till may do")
      return
    }
    setBusy(true)
    try {
      const { pos_key } = await sdk.client.fetch<{
        pos_key: PosKey & { key: string }
      }>("/admin/loyalty/pos-keys", {
        method: "POST",
        body: {
          name: state.name.trim(),
          location: state.location.trim(),
          scopes: state.scopes,
        },
      })
      onCreated(pos_key)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form
          onSubmit={submit}
          className="flex h-full flex-col overflow-hidden"
          data-testid="pos-key-form"
        >
          <Drawer.Header>
            <Drawer.Title asChild>
              <h2 className="txt-large-plus text-ui-fg-base">Create till key</h2>
            </Drawer.Title>
            <Text size="small" className="text-ui-fg-subtle">
              One key per till. The key is shown once, right after it is
              created.
            </Text>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
            <InputField
              id="pos-key-name"
              label="Name"
              hint="Which till, e.g. Till 1 or Front counter."
              value={state.name}
              onChange={(v) => set("name", v)}
              placeholder="Till 1"
              invalid={invalid("name")}
            />
            <InputField
              id="pos-key-location"
              label="Location"
              hint="The shop the till stands in."
              value={state.location}
              onChange={(v) => set("location", v)}
              placeholder="Tehran, Valiasr St"
              invalid={invalid("location")}
            />
            <div className="flex flex-col gap-y-3">
              <Label size="small" weight="plus">
                The till may
              </Label>
              {SCOPES.map(({ scope, label, description }) => (
                <div key={scope} className="flex items-start gap-x-3">
                  <Checkbox
                    id={`pos-key-scope-${scope}`}
                    checked={state.scopes.includes(scope)}
                    onCheckedChange={(v) => toggle(scope, v === true)}
                    aria-invalid={invalid("scopes")}
                  />
                  <div className="flex flex-col">
                    <Label
                      htmlFor={`pos-key-scope-${scope}`}
                      size="small"
                      weight="plus"
                    >
                      {label}
                    </Label>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {description}
                    </Text>
                  </div>
                </div>
              ))}
            </div>
          </Drawer.Body>
          {error && (
            <div className="bg-ui-bg-subtle border-t px-6 py-3">
              <Text
                size="small"
                weight="plus"
                className="text-ui-fg-error [overflow-wrap:anywhere]"
                data-testid="pos-key-form-error"
                role="alert"
              >
                {error}
              </Text>
            </div>
          )}
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button
              size="small"
              type="submit"
              isLoading={busy}
              data-testid="pos-key-form-submit"
            >
              Create key
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
