import { Copy, Prompt, Text } from "@medusajs/ui"
import { PosKey } from "../../../../lib/client"

type Props = {
  /** The key just created, with its secret; null when closed. */
  created: (PosKey & { key: string }) | null
  onClose: () => void
}

/**
 * Shows a new key's secret, the only time it can be seen: the store keeps a
 * hash. An alert dialog, so a stray click outside does not lose it.
 */
export const CreatedKeyDialog = ({ created, onClose }: Props) => (
  <Prompt
    variant="confirmation"
    open={!!created}
    onOpenChange={(open) => !open && onClose()}
  >
    <Prompt.Content className="max-w-[560px]" data-testid="pos-key-created">
      <Prompt.Header>
        <Prompt.Title>Key for "{created?.name}"</Prompt.Title>
        <Prompt.Description>
          Copy it into the till now. It cannot be shown again: if it is lost,
          revoke it and create a new one.
        </Prompt.Description>
      </Prompt.Header>
      <div className="flex flex-col gap-y-4 px-6 pt-4">
        <div className="bg-ui-bg-subtle flex items-center gap-x-2 rounded-md border px-3 py-2">
          <code
            className="txt-compact-small text-ui-fg-base flex-1 break-all font-mono"
            data-testid="pos-key-secret"
          >
            {created?.key}
          </code>
          <Copy content={created?.key ?? ""} aria-label="Copy key" />
        </div>
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus">
            How the till sends it
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            With every request to the club's till API (/pos/loyalty/…), in
            this header:
          </Text>
          <code className="bg-ui-bg-subtle txt-compact-xsmall text-ui-fg-base rounded-md border px-3 py-2 font-mono break-all">
            x-pos-key: {created?.key}
          </code>
        </div>
      </div>
      <Prompt.Footer>
        <Prompt.Action onClick={onClose}>I have copied the key</Prompt.Action>
      </Prompt.Footer>
    </Prompt.Content>
  </Prompt>
)
