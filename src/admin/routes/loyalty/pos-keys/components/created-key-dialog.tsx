import { SquareTwoStack } from "@medusajs/icons"
import { Button, Prompt, Text, toast } from "@medusajs/ui"
import { Data, Ltr } from "../../../../components/ltr"
import { PosKey } from "../../../../lib/client"
import { useLoyaltyTranslation } from "../../../../lib/i18n"

/** A key just created, with its secret (the only answer that carries it). */
export type CreatedPosKey = PosKey & { key: string }

type Props = {
  /** The key just created; null when closed. */
  created: CreatedPosKey | null
  onClose: () => void
}

/**
 * Shows a new key's secret, the only time it can be seen: the store keeps a
 * hash. An alert dialog, so a stray click outside does not lose it.
 */
export const CreatedKeyDialog = ({ created, onClose }: Props) => {
  const { t } = useLoyaltyTranslation()

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created?.key ?? "")
      toast.success(t("till.created.copied"))
    } catch {
      // No clipboard outside a secure origin (https or localhost).
      toast.error(t("till.created.copyFailed"))
    }
  }

  return (
    <Prompt variant="confirmation" open={!!created} onOpenChange={(open) => !open && onClose()}>
      <Prompt.Content className="max-w-[560px]" data-testid="pos-key-created">
        <Prompt.Header>
          <Prompt.Title>
            {t("till.created.title")} <Data>{created?.name}</Data>
          </Prompt.Title>
          <Prompt.Description>{t("till.created.description")}</Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-4 px-6 pt-4">
          <div className="flex flex-col gap-y-2">
            <div className="bg-ui-bg-subtle rounded-md border px-3 py-2">
              <Ltr className="txt-compact-small text-ui-fg-base block break-all font-mono">
                <span data-testid="pos-key-secret">{created?.key}</span>
              </Ltr>
            </div>
            <Button
              type="button"
              size="small"
              variant="secondary"
              className="w-full"
              onClick={copy}
              data-testid="pos-key-copy"
            >
              <SquareTwoStack />
              {t("till.created.copy")}
            </Button>
          </div>
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              {t("till.created.headerTitle")}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("till.created.headerHint")}
            </Text>
            <div className="bg-ui-bg-subtle rounded-md border px-3 py-2">
              <Ltr className="txt-compact-xsmall text-ui-fg-base block break-all font-mono">
                <span data-testid="pos-key-header">x-pos-key: {created?.key}</span>
              </Ltr>
            </div>
          </div>
        </div>
        <Prompt.Footer>
          <Prompt.Action onClick={onClose} data-testid="pos-key-created-done">
            {t("till.created.done")}
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
