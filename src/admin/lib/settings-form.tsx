// What the settings panels share (SMS settings, checkout settings, till and
// kiosk settings): saving only what was edited, the API's 400 at the field it
// names, and one look for a field with its hint and error.
import { Label, Switch, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { LoyaltySettings, sdk } from "./client"

/**
 * The fields of `next` whose value differs from `saved`'s (compared as
 * JSON). Both are API bodies: the panel's draft and the stored settings put
 * through the same conversion. A stored value the panel shows in a way that
 * does not read back the same (`{}` shown empty, read back as null) stays as
 * stored when another setting is saved.
 */
export function changedFields<T extends object>(next: T, saved: T): Partial<T> {
  const body: Partial<T> = {}
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) {
      body[key] = next[key]
    }
  }
  return body
}

/**
 * The field an API message names first ("Value for field
 * 'signup_hourly_cap' too small", "pos_max_purchase.irr must be ..."), or
 * "general" when it names none of `fields`.
 */
export function fieldInMessage<F extends string>(
  message: string,
  fields: readonly F[]
): F | "general" {
  let best: { field: F; at: number } | null = null
  for (const field of fields) {
    const match = new RegExp(`(^|[^a-z_])${field}([^a-z_]|$)`).exec(message)
    if (match && (!best || match.index < best.at)) {
      best = { field, at: match.index }
    }
  }
  return best?.field ?? "general"
}

/** Saves the given settings; answers all of them as stored. */
export async function saveSettings(body: Partial<Record<string, unknown>>) {
  const { settings } = await sdk.client.fetch<{ settings: LoyaltySettings }>(
    "/admin/loyalty/settings",
    { method: "POST", body }
  )
  return settings
}

/** An API message under the field it is about. */
export const FieldError = ({
  error,
  testId,
}: {
  error?: string
  testId: string
}) =>
  error ? (
    <Text
      size="small"
      className="text-ui-fg-error [overflow-wrap:anywhere]"
      data-testid={testId}
      role="alert"
    >
      {error}
    </Text>
  ) : null

/** A labelled input, what it does in a shop owner's words, and its error. */
export const SettingField = ({
  id,
  label,
  hint,
  error,
  errorTestId,
  children,
}: {
  id: string
  label: string
  hint?: ReactNode
  error?: string
  errorTestId: string
  children: ReactNode
}) => (
  <div className="flex min-w-0 flex-col gap-y-1">
    <Label size="small" weight="plus" htmlFor={id}>
      {label}
    </Label>
    {children}
    {hint && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
    <FieldError error={error} testId={errorTestId} />
  </div>
)

/** An on/off setting: its label and hint beside the switch. */
export const SettingSwitch = ({
  id,
  label,
  hint,
  checked,
  onCheckedChange,
  error,
  errorTestId,
  weight,
}: {
  id: string
  label: string
  hint: ReactNode
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  error?: string
  errorTestId?: string
  weight?: "plus" | "regular"
}) => (
  <div className="flex flex-col gap-y-1">
    <div className="flex items-start justify-between gap-x-6">
      <div className="min-w-0">
        <Label size="small" weight={weight} htmlFor={id}>
          {label}
        </Label>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      </div>
      <Switch
        id={id}
        className="shrink-0"
        checked={checked}
        onCheckedChange={onCheckedChange}
      />
    </div>
    {errorTestId && <FieldError error={error} testId={errorTestId} />}
  </div>
)
