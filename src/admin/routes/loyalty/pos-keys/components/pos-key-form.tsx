import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import { PickerField, TextField } from "../../../../components/fields"
import { FormDrawer } from "../../../../components/form-drawer"
import { api } from "../../../../lib/api"
import { PosScope } from "../../../../lib/client"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { loyaltyKeys } from "../../../../lib/query"
import { textSchema } from "../../../../lib/schema"
import { CreatedPosKey } from "./created-key-dialog"
import { isolate } from "./isolate"
import { SCOPES, SCOPE_LABEL } from "./scopes"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  onCreated: (key: CreatedPosKey) => void
}

const EMPTY = { name: "", location: "", scopes: ["lookup", "earn"] as PosScope[] }

/** Creates a till key: its name, where the till stands, what it may do. */
export const PosKeyForm = ({ open, onOpenChange, onCreated }: Props) => {
  const { t } = useLoyaltyTranslation()
  const schema = useMemo(
    () =>
      z.object({
        name: textSchema(t, { max: 100 }),
        location: textSchema(t, { max: 200 }),
        scopes: z.array(z.enum(["lookup", "earn", "redeem"])).min(1, t("till.form.scopes.required")),
      }),
    [t]
  )
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
  })

  useEffect(() => {
    if (open) form.reset(EMPTY)
  }, [form, open])

  const create = useLoyaltyMutation({
    mutationFn: (body: z.output<typeof schema>) =>
      api<{ pos_key: CreatedPosKey }>("/admin/loyalty/pos-keys", { method: "POST", body }),
    invalidate: () => [loyaltyKeys.posKeys()],
    success: ({ pos_key }) => t("till.form.toast", { name: isolate(pos_key.name) }),
    onSuccess: ({ pos_key }) => onCreated(pos_key),
  })

  const options = SCOPES.map((s) => ({ value: s, label: t(SCOPE_LABEL[s]) }))

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("till.form.title")}
      description={t("till.form.description")}
      submitLabel={t("till.form.submit")}
      submitting={create.isPending}
      testId="pos-key-form"
      onSubmit={form.handleSubmit((values) =>
        create.mutate({ ...values, scopes: SCOPES.filter((s) => values.scopes.includes(s)) })
      )}
    >
      <TextField
        control={form.control}
        name="name"
        id="pos-key-name"
        label={t("till.form.name.label")}
        hint={t("till.form.name.hint")}
        placeholder={t("till.form.name.placeholder")}
      />
      <TextField
        control={form.control}
        name="location"
        id="pos-key-location"
        label={t("till.form.location.label")}
        hint={t("till.form.location.hint")}
        placeholder={t("till.form.location.placeholder")}
      />
      <PickerField
        control={form.control}
        name="scopes"
        id="pos-key-scopes"
        label={t("till.form.scopes.label")}
        hint={t("till.form.scopes.hint")}
        options={options}
      />
    </FormDrawer>
  )
}
