import { Button, Text, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { api, useErrorText } from "../../lib/api"
import { CALENDAR_LABEL, useBirthdayWords } from "../../lib/birthdays"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { useLoyaltyMutation } from "../../lib/mutation"
import { Birthday, occasionKeys, useCustomerBirthday } from "../../lib/occasions"
import { useLoyaltySettings } from "../../lib/query"
import { BirthdayForm } from "./birthday-form"

const SET_BY = {
  customer: "occasions.birthday.setBy.customer",
  admin: "occasions.birthday.setBy.admin",
  kiosk: "occasions.birthday.setBy.kiosk",
} as const

const setByKey = (setBy: string) => (setBy in SET_BY ? SET_BY[setBy as keyof typeof SET_BY] : SET_BY.admin)

/** The customer's birthday in the calendar they gave it; set, change or remove it. */
export const BirthdaySection = ({ customerId }: { customerId: string }) => {
  const { t, language } = useLoyaltyTranslation()
  const { date } = useFormat()
  const errorText = useErrorText()
  const prompt = usePrompt()
  const { birthdayText } = useBirthdayWords()
  const { data: settings } = useLoyaltySettings()
  const { data: birthday, error, isPending } = useCustomerBirthday(customerId)
  const [open, setOpen] = useState(false)
  const [formKey, setFormKey] = useState(0)

  const remove = useLoyaltyMutation({
    mutationFn: () =>
      api<{ birthday: Birthday | null }>(`/admin/loyalty/customers/${customerId}/birthday`, { method: "DELETE" }),
    invalidate: () => [occasionKeys.birthday(customerId)],
    success: t("occasions.birthday.removed"),
  })
  const askRemove = async () => {
    const confirmed = await prompt({
      title: t("occasions.birthday.removeTitle"),
      description: t("occasions.birthday.removeDescription"),
      confirmText: t("occasions.birthday.remove"),
      cancelText: t("common.actions.cancel"),
    })
    if (confirmed) remove.mutate(undefined)
  }

  // A Persian shop or admin counts birthdays in the Jalali calendar first.
  const defaultCalendar = language === "fa" || settings?.default_locale === "fa" ? "jalali" : "gregorian"
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="customer-birthday">
      <div className="flex items-start justify-between gap-x-3">
        <div className="flex min-w-0 flex-col">
          <Text size="small" weight="plus">
            {t("occasions.birthday.title")}
          </Text>
          {error ? (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {errorText(error)}
            </Text>
          ) : isPending ? (
            <Text size="small" className="text-ui-fg-subtle">
              {t("common.states.loading")}
            </Text>
          ) : birthday ? (
            <>
              <Text
                size="small"
                data-testid="customer-birthday-date"
                data-calendar={birthday.calendar}
                data-month={birthday.month}
                data-day={birthday.day}
              >
                {birthdayText(birthday.calendar, birthday.month, birthday.day)}
                <span className="text-ui-fg-subtle"> ({t(CALENDAR_LABEL[birthday.calendar])})</span>
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t(setByKey(birthday.set_by), { date: date(birthday.changed_at) })}
              </Text>
            </>
          ) : (
            <Text size="small" className="text-ui-fg-muted" data-testid="customer-birthday-none">
              {t("occasions.birthday.none")}
            </Text>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          {birthday && (
            <Button size="small" variant="transparent" onClick={askRemove} isLoading={remove.isPending} data-testid="customer-birthday-remove">
              {t("occasions.birthday.remove")}
            </Button>
          )}
          <Button
            size="small"
            variant="secondary"
            disabled={isPending}
            onClick={() => {
              setFormKey((k) => k + 1)
              setOpen(true)
            }}
            data-testid="customer-birthday-edit"
          >
            {birthday ? t("occasions.birthday.edit") : t("occasions.birthday.add")}
          </Button>
        </div>
      </div>
      {!isPending && (
        <BirthdayForm
          key={formKey}
          customerId={customerId}
          birthday={birthday ?? null}
          defaultCalendar={defaultCalendar}
          open={open}
          onOpenChange={setOpen}
        />
      )}
    </div>
  )
}
