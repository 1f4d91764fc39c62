import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo, useRef } from "react"
import { Resolver, useForm, useWatch } from "react-hook-form"
import { z } from "zod"
import { BIRTHDAY_CALENDARS, CALENDAR_LABEL, daysInMonth, useBirthdayWords } from "../../lib/birthdays"
import { api, LoyaltyApiError, useErrorText } from "../../lib/api"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { useLoyaltyMutation } from "../../lib/mutation"
import { Birthday, BirthdayCalendar, occasionKeys } from "../../lib/occasions"
import { SelectField } from "../fields"
import { FormDrawer } from "../form-drawer"

type Values = { calendar: BirthdayCalendar; month: string; day: string }

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

/**
 * A customer's birthday, set or changed by staff: the calendar the customer
 * counts in, then a month of that calendar and a day that month has.
 */
export const BirthdayForm = ({
  customerId,
  birthday,
  defaultCalendar,
  open,
  onOpenChange,
}: {
  customerId: string
  birthday: Birthday | null
  defaultCalendar: BirthdayCalendar
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const { monthName, dayNumber } = useBirthdayWords()

  const schema = useMemo(
    () =>
      z
        .object({ calendar: z.enum(["jalali", "gregorian"]), month: z.string(), day: z.string() })
        .superRefine((v, ctx) => {
          if (!v.month) ctx.addIssue({ code: "custom", path: ["month"], message: t("common.validation.required") })
          if (!v.day) ctx.addIssue({ code: "custom", path: ["day"], message: t("common.validation.required") })
          else if (v.month && Number(v.day) > daysInMonth(v.calendar, Number(v.month))) {
            ctx.addIssue({
              code: "custom",
              path: ["day"],
              message: t("occasions.birthday.dayTooLate", { month: monthName(v.calendar, Number(v.month)) }),
            })
          }
        }),
    [monthName, t]
  )
  const form = useForm<Values>({
    resolver: zodResolver(schema as never) as unknown as Resolver<Values>,
    defaultValues: {
      calendar: birthday?.calendar ?? defaultCalendar,
      month: birthday ? String(birthday.month) : "",
      day: birthday ? String(birthday.day) : "",
    },
  })
  const [calendar, month] = useWatch({ control: form.control, name: ["calendar", "month"] })
  // Another calendar: the month and day typed meant a day of the other one.
  const shown = useRef(calendar)
  useEffect(() => {
    if (calendar !== shown.current) {
      shown.current = calendar
      form.setValue("month", "")
      form.setValue("day", "")
    }
  }, [calendar, form])

  const days = month ? daysInMonth(calendar, Number(month)) : 31
  const save = useLoyaltyMutation({
    mutationFn: (v: Values) =>
      api<{ birthday: Birthday | null }>(`/admin/loyalty/customers/${customerId}/birthday`, {
        method: "POST",
        body: { calendar: v.calendar, month: Number(v.month), day: Number(v.day) },
      }),
    invalidate: () => [occasionKeys.birthday(customerId)],
    success: t("occasions.birthday.saved"),
    onSuccess: () => onOpenChange(false),
    onError: (error) => {
      if (error instanceof LoyaltyApiError && error.code === "loyalty_birthday_invalid") {
        form.setError("day", { message: errorText(error) }, { shouldFocus: true })
        return true
      }
    },
  })

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={birthday ? t("occasions.birthday.editTitle") : t("occasions.birthday.addTitle")}
      description={t("occasions.birthday.formDescription")}
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
      submitting={save.isPending}
      testId="birthday-form"
    >
      <SelectField
        control={form.control}
        name="calendar"
        id="birthday-calendar"
        label={t("occasions.birthday.calendar")}
        hint={t("occasions.birthday.calendarHint")}
        options={BIRTHDAY_CALENDARS.map((c) => ({ value: c, label: t(CALENDAR_LABEL[c]) }))}
      />
      <SelectField
        control={form.control}
        name="month"
        id="birthday-month"
        label={t("occasions.birthday.month")}
        placeholder={t("occasions.birthday.monthPlaceholder")}
        options={MONTHS.map((m) => ({ value: String(m), label: monthName(calendar, m) }))}
      />
      <SelectField
        control={form.control}
        name="day"
        id="birthday-day"
        label={t("occasions.birthday.day")}
        placeholder={t("occasions.birthday.dayPlaceholder")}
        hint={
          calendar === "jalali" && month === "12"
            ? t("occasions.birthday.esfandHint")
            : calendar === "gregorian" && month === "2"
              ? t("occasions.birthday.februaryHint")
              : undefined
        }
        options={Array.from({ length: days }, (_, i) => ({ value: String(i + 1), label: dayNumber(i + 1) }))}
      />
    </FormDrawer>
  )
}
