// The occasions the club celebrates (/admin/loyalty/occasions) and a
// customer's birthday (/admin/loyalty/customers/:id/birthday), with their
// query keys and the words of each kind (literal keys, for the i18n test).
import { useQuery } from "@tanstack/react-query"
import { api } from "./api"
import { MessageEvent } from "./client"
import { loyaltyKeys } from "./query"

export type OccasionKind =
  | "birthday"
  | "membership_anniversary"
  | "first_order_anniversary"
  | "nowruz"
  | "yalda"
  | "win_back"
  | "welcome"

export type GiftType = "none" | "code" | "credit"

/** The kinds in the order the page lists them: the year round, then the lifecycle. */
export const OCCASION_KINDS: OccasionKind[] = [
  "birthday",
  "membership_anniversary",
  "first_order_anniversary",
  "nowruz",
  "yalda",
  "welcome",
  "win_back",
]

export type OccasionStats = {
  /** The year counted: Jalali in a Persian shop, else Gregorian. */
  year: string
  sent: number
  gifts: number
  redeemed: number
  skipped: number
}

export type Occasion = {
  id: string
  kind: OccasionKind
  enabled: boolean
  gift_type: GiftType
  batch_id: string | null
  credit_amount: Record<string, string> | null
  credit_valid_days: number | null
  days_before: number
  after_days: number | null
  stats?: OccasionStats
}

export type OccasionInput = Partial<
  Pick<
    Occasion,
    | "enabled"
    | "gift_type"
    | "batch_id"
    | "credit_amount"
    | "credit_valid_days"
    | "days_before"
    | "after_days"
  >
>

export type BirthdayCalendar = "jalali" | "gregorian"

export type Birthday = {
  calendar: BirthdayCalendar
  month: number
  day: number
  set_by: string
  changed_at: string
}

/** The SMS each occasion sends (its wording is that message's template). */
export const OCCASION_EVENT = {
  birthday: "birthday",
  membership_anniversary: "membership_anniversary",
  first_order_anniversary: "first_order_anniversary",
  nowruz: "nowruz",
  yalda: "yalda",
  win_back: "win_back",
  welcome: "first_order",
} as const satisfies Record<OccasionKind, MessageEvent>

export const OCCASION_LABEL = {
  birthday: "occasions.kinds.birthday.label",
  membership_anniversary: "occasions.kinds.membership_anniversary.label",
  first_order_anniversary: "occasions.kinds.first_order_anniversary.label",
  nowruz: "occasions.kinds.nowruz.label",
  yalda: "occasions.kinds.yalda.label",
  win_back: "occasions.kinds.win_back.label",
  welcome: "occasions.kinds.welcome.label",
} as const satisfies Record<OccasionKind, string>

export const OCCASION_DESCRIPTION = {
  birthday: "occasions.kinds.birthday.description",
  membership_anniversary: "occasions.kinds.membership_anniversary.description",
  first_order_anniversary: "occasions.kinds.first_order_anniversary.description",
  nowruz: "occasions.kinds.nowruz.description",
  yalda: "occasions.kinds.yalda.description",
  win_back: "occasions.kinds.win_back.description",
  welcome: "occasions.kinds.welcome.description",
} as const satisfies Record<OccasionKind, string>

/** The occasion kind of a message event, if the event is an occasion's. */
export const occasionOfEvent = (event: MessageEvent): OccasionKind | undefined =>
  OCCASION_KINDS.find((kind) => OCCASION_EVENT[kind] === event)

const OCCASIONS = "/admin/loyalty/occasions"

export const occasionKeys = {
  all: () => [...loyaltyKeys.all, "occasions"] as const,
  birthday: (customerId: string) => [...loyaltyKeys.customer(customerId), "birthday"] as const,
}

/** Every occasion, in the page's order. */
export function useOccasions() {
  return useQuery({
    queryKey: occasionKeys.all(),
    queryFn: () => api<{ occasions: Occasion[] }>(OCCASIONS),
    select: (data) =>
      [...data.occasions].sort(
        (a, b) => OCCASION_KINDS.indexOf(a.kind) - OCCASION_KINDS.indexOf(b.kind)
      ),
  })
}

export const saveOccasion = ({ kind, body }: { kind: OccasionKind; body: OccasionInput }) =>
  api<{ occasion: Occasion }>(`${OCCASIONS}/${kind}`, { method: "POST", body })

/** A customer's birthday, or null when none is known. */
export function useCustomerBirthday(customerId: string) {
  return useQuery({
    queryKey: occasionKeys.birthday(customerId),
    queryFn: () =>
      api<{ birthday: Birthday | null }>(`/admin/loyalty/customers/${customerId}/birthday`),
    select: (data) => data.birthday,
  })
}
