// Pinning a customer to a tier, or unpinning them, with a note for the
// history. The widget holds what is typed and sends it.
import { Button, Label, Select, Text, Textarea } from "@medusajs/ui"
import { FormEvent } from "react"
import { Tier } from "../../lib/client"

export const PinForm = ({
  panel,
  tiers,
  who,
  qualifiesFor,
  pinTier,
  onPinTierChange,
  note,
  onNoteChange,
  error,
  busy,
  onSubmit,
  onCancel,
}: {
  panel: "pin" | "unpin"
  /** The shop's tiers, by rank. */
  tiers: Tier[]
  /** The customer's first name or email. */
  who: string
  /** The tier the orders reach: where an unpinned customer goes. */
  qualifiesFor: string | undefined
  pinTier: string
  onPinTierChange: (tierId: string) => void
  note: string
  onNoteChange: (note: string) => void
  error: string | null
  busy: boolean
  onSubmit: (event: FormEvent) => void
  onCancel: () => void
}) => (
  <form
    className="flex flex-col gap-y-3 px-6 py-4"
    onSubmit={onSubmit}
    data-testid="customer-tier-form"
  >
    {panel === "pin" ? (
      <div className="grid grid-cols-3 gap-3">
        <div className="flex flex-col gap-y-1">
          <Label size="small" weight="plus" htmlFor="tier-pin-tier">
            Pin to
          </Label>
          <Select value={pinTier} onValueChange={onPinTierChange}>
            <Select.Trigger id="tier-pin-tier">
              <Select.Value placeholder="Choose a tier" />
            </Select.Trigger>
            <Select.Content>
              {tiers.map((t) => (
                <Select.Item key={t.id} value={t.id}>
                  {t.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Kept there, whatever the orders, until unpinned.
          </Text>
        </div>
        <div className="col-span-2 flex flex-col gap-y-1">
          <Label size="small" weight="plus" htmlFor="tier-pin-note">
            Note
          </Label>
          <Textarea
            id="tier-pin-note"
            rows={2}
            value={note}
            onChange={(e) => onNoteChange(e.target.value)}
            placeholder="Why, e.g. wholesale customer: Gold by agreement"
          />
          <Text size="xsmall" className="text-ui-fg-subtle">
            Shown here and in the history; not to the customer.
          </Text>
        </div>
      </div>
    ) : (
      <div className="flex flex-col gap-y-1">
        <Text size="small">
          {who} moves at once to the tier the orders reach:{" "}
          <span className="font-medium">{qualifiesFor ?? "no tier"}</span>.
        </Text>
        <Label size="small" weight="plus" htmlFor="tier-unpin-note">
          Note (optional)
        </Label>
        <Textarea
          id="tier-unpin-note"
          rows={2}
          value={note}
          onChange={(e) => onNoteChange(e.target.value)}
          placeholder="Why, e.g. the agreement ended"
        />
      </div>
    )}
    {error && (
      <Text
        size="small"
        className="text-ui-fg-error"
        data-testid="customer-tier-error"
      >
        {error}
      </Text>
    )}
    <div className="flex justify-end gap-x-2">
      <Button size="small" variant="secondary" type="button" onClick={onCancel}>
        Cancel
      </Button>
      <Button
        size="small"
        type="submit"
        isLoading={busy}
        data-testid="customer-tier-submit"
      >
        {panel === "pin"
          ? `Pin to ${tiers.find((t) => t.id === pinTier)?.name ?? "tier"}`
          : "Unpin"}
      </Button>
    </div>
  </form>
)
