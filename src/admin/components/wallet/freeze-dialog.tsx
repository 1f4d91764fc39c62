import { zodResolver } from "@hookform/resolvers/zod"
import { Button, Prompt } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import { TextField } from "../fields"
import { api, LoyaltyApiError, useErrorText } from "../../lib/api"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { useLoyaltyMutation } from "../../lib/mutation"
import { customerMoneyKeys } from "../../lib/query"
import { textSchema } from "../../lib/schema"
import { Wallet } from "./types"

const REASON_CODES = new Set(["loyalty_reason_required", "loyalty_reason_too_long"])

/**
 * Freezing a wallet asks first, as Medusa asks before a destructive action,
 * and wants the reason, which the wallet keeps.
 */
export const FreezeDialog = ({
  customerId,
  wallet,
  open,
  onOpenChange,
}: {
  customerId: string
  wallet: Wallet
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const schema = useMemo(() => z.object({ reason: textSchema(t, { max: 500 }) }), [t])
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { reason: "" },
  })

  useEffect(() => {
    if (open) form.reset({ reason: "" })
  }, [form, open])

  const freeze = useLoyaltyMutation({
    mutationFn: ({ reason }: z.output<typeof schema>) =>
      api<{ wallet: Wallet }>(`/admin/loyalty/wallets/${wallet.id}/freeze`, {
        method: "POST",
        body: { reason },
      }),
    invalidate: () => customerMoneyKeys(customerId),
    success: t("wallet.toast.frozen"),
    onSuccess: () => onOpenChange(false),
    onError: (e) => {
      if (e instanceof LoyaltyApiError && e.code && REASON_CODES.has(e.code)) {
        form.setError("reason", { message: errorText(e) }, { shouldFocus: true })
        return true
      }
    },
  })

  return (
    <Prompt open={open} onOpenChange={onOpenChange}>
      <Prompt.Content>
        <form
          noValidate
          data-testid="wallet-freeze-form"
          onSubmit={form.handleSubmit((values) => freeze.mutate(values))}
        >
          <Prompt.Header>
            <Prompt.Title>{t("wallet.freeze.title")}</Prompt.Title>
            <Prompt.Description>{t("wallet.freeze.description")}</Prompt.Description>
          </Prompt.Header>
          <div className="px-6 pt-4">
            <TextField
              control={form.control}
              name="reason"
              id="wallet-freeze-reason"
              rows={3}
              label={t("wallet.freeze.reason.label")}
              hint={t("wallet.freeze.reason.hint")}
              placeholder={t("wallet.freeze.reason.placeholder")}
            />
          </div>
          <Prompt.Footer>
            <Prompt.Cancel type="button">{t("common.actions.cancel")}</Prompt.Cancel>
            <Button
              type="submit"
              size="small"
              variant="danger"
              isLoading={freeze.isPending}
              data-testid="wallet-freeze-form-submit"
            >
              {t("wallet.freeze.submit")}
            </Button>
          </Prompt.Footer>
        </form>
      </Prompt.Content>
    </Prompt>
  )
}
