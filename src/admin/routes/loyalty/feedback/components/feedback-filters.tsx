import { XMarkMini } from "@medusajs/icons"
import { Button, DatePicker, Label, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMemo } from "react"
import { FilterSelect } from "../../../../components/filter-select"
import { Data } from "../../../../components/ltr"
import { api } from "../../../../lib/api"
import { PosKey } from "../../../../lib/client"
import { FeedbackChannel, RATINGS } from "../../../../lib/feedback"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { loyaltyKeys } from "../../../../lib/query"

/** The filters as the page holds them: picked days, not yet instants. */
export type FilterState = {
  ratings: number[]
  channel: FeedbackChannel | ""
  location: string
  fromDay: Date | null
  toDay: Date | null
}

export const EMPTY_FILTERS: FilterState = {
  ratings: [],
  channel: "",
  location: "",
  fromDay: null,
  toDay: null,
}

const sameDay = (a: Date | null, b: Date | null) =>
  a === b || (!!a && !!b && a.toDateString() === b.toDateString())

/** The shop's till locations, from its till keys (where till answers come from). */
function useLocations() {
  return useQuery({
    queryKey: loyaltyKeys.posKeys(),
    queryFn: () => api<{ pos_keys: PosKey[] }>("/admin/loyalty/pos-keys"),
    select: (body) =>
      Array.from(new Set(body.pos_keys.map((k) => k.location).filter(Boolean))).sort(),
    staleTime: 60_000,
  })
}

/**
 * Which answers the list shows: ratings (any of those pressed), channel,
 * till location and period (Medusa's date picker: the Jalali calendar in
 * Persian). The figures above follow all but the ratings.
 */
export const FeedbackFilterBar = ({
  value,
  onChange,
}: {
  value: FilterState
  onChange: (next: FilterState) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const { data: locations = [] } = useLocations()
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch })
  const any = useMemo(
    () =>
      value.ratings.length > 0 ||
      !!value.channel ||
      !!value.location ||
      !!value.fromDay ||
      !!value.toDay,
    [value]
  )
  const toggleRating = (rating: number) =>
    set({
      ratings: value.ratings.includes(rating)
        ? value.ratings.filter((r) => r !== rating)
        : [...value.ratings, rating].sort(),
    })
  // The picker reports its value again when it mounts: only another day is a change.
  const pickDay = (key: "fromDay" | "toDay") => (date: Date | null) => {
    if (!sameDay(value[key], date)) set({ [key]: date })
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="feedback-filters">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
        <div className="flex flex-col gap-y-1.5">
          <Label size="small" weight="plus" id="feedback-filter-rating-label">
            {t("feedback.filters.rating")}
          </Label>
          <div
            className="flex gap-x-1"
            role="group"
            aria-labelledby="feedback-filter-rating-label"
          >
            {RATINGS.map((rating) => {
              const pressed = value.ratings.includes(rating)
              return (
                <Button
                  key={rating}
                  type="button"
                  size="small"
                  variant={pressed ? "primary" : "secondary"}
                  aria-pressed={pressed}
                  aria-label={t("feedback.rating.outOf", { n: number(rating), max: number(5) })}
                  onClick={() => toggleRating(rating)}
                  data-testid={`feedback-filter-rating-${rating}`}
                >
                  {number(rating)}
                  <span aria-hidden>★</span>
                </Button>
              )
            })}
          </div>
        </div>
        <div className="flex w-[200px] flex-col gap-y-1.5">
          <Label size="small" weight="plus" htmlFor="feedback-filter-channel">
            {t("feedback.filters.channel")}
          </Label>
          <FilterSelect
            value={value.channel}
            onChange={(channel) => set({ channel })}
            anyLabel={t("feedback.filters.anyChannel")}
            options={[
              { value: "online" as FeedbackChannel, label: t("feedback.channels.online") },
              { value: "till" as FeedbackChannel, label: t("feedback.channels.till") },
            ]}
            id="feedback-filter-channel"
            testId="feedback-filter-channel"
          />
        </div>
        {locations.length > 0 && (
          <div className="flex w-[180px] flex-col gap-y-1.5">
            <Label size="small" weight="plus" htmlFor="feedback-filter-location">
              {t("feedback.filters.location")}
            </Label>
            <FilterSelect
              value={value.location}
              onChange={(location) => set({ location })}
              anyLabel={t("feedback.filters.anyLocation")}
              options={locations.map((location) => ({ value: location, label: <Data>{location}</Data> }))}
              id="feedback-filter-location"
              testId="feedback-filter-location"
            />
          </div>
        )}
        <div className="flex w-[170px] flex-col gap-y-1.5" data-testid="feedback-filter-from">
          <Text size="small" weight="plus" as="span" id="feedback-filter-from-label">
            {t("feedback.filters.from")}
          </Text>
          <DatePicker
            size="small"
            granularity="day"
            value={value.fromDay}
            onChange={pickDay("fromDay")}
            maxValue={value.toDay ?? undefined}
            aria-labelledby="feedback-filter-from-label"
          />
        </div>
        <div className="flex w-[170px] flex-col gap-y-1.5" data-testid="feedback-filter-to">
          <Text size="small" weight="plus" as="span" id="feedback-filter-to-label">
            {t("feedback.filters.to")}
          </Text>
          <DatePicker
            size="small"
            granularity="day"
            value={value.toDay}
            onChange={pickDay("toDay")}
            minValue={value.fromDay ?? undefined}
            aria-labelledby="feedback-filter-to-label"
          />
        </div>
        {any && (
          <Button
            type="button"
            size="small"
            variant="transparent"
            onClick={() => onChange(EMPTY_FILTERS)}
            data-testid="feedback-filters-clear"
          >
            <XMarkMini />
            {t("feedback.filters.clear")}
          </Button>
        )}
      </div>
    </div>
  )
}
