import { Plus, Trash } from "@medusajs/icons"
import { Button, Checkbox, IconButton, Input, Select, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { MoneyInput, MultiSelect } from "../../../../components/fields"
import { Ltr } from "../../../../components/ltr"
import { latinDigits, localDigits } from "../../../../lib/amounts"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useConditionWords } from "./condition-words"
import {
  CHANNEL_MIX_LABEL,
  CHANNEL_MIXES,
  CONDITION_FIELDS,
  ConditionField,
  countLeaves,
  FIELD_LABEL,
  GREGORIAN_MONTH,
  isGroup,
  JALALI_MONTH,
  newCondition,
  RFM_LABEL,
  RFM_SEGMENTS,
  SEGMENT_LIMITS,
  SegmentCondition,
  SegmentGroup,
  SegmentOptions,
} from "../../../../lib/segments"

/** A small select of the admin's direction. */
const Choose = ({
  value,
  onChange,
  options,
  label,
  testId,
  width = "w-[150px]",
}: {
  value: string
  onChange: (value: string) => void
  options: { value: string; label: ReactNode }[]
  label: string
  testId?: string
  width?: string
}) => {
  const { dir } = useLoyaltyTranslation()
  return (
    <div className={width}>
      <Select dir={dir} size="small" value={value} onValueChange={onChange}>
        <Select.Trigger aria-label={label} data-testid={testId}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {options.map((o) => (
            <Select.Item key={o.value} value={o.value}>
              {o.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

/** A whole number typed in the admin's digits; empty means no bound. */
const WholeInput = ({
  value,
  onChange,
  label,
  placeholder,
  testId,
}: {
  value: number | null | undefined
  onChange: (value: number | undefined) => void
  label: string
  placeholder?: string
  testId?: string
}) => {
  const { language } = useLoyaltyTranslation()
  return (
    <Input
      size="small"
      inputMode="numeric"
      dir="ltr"
      className={`w-[90px] ${language === "en" ? "" : "text-right"}`}
      aria-label={label}
      placeholder={placeholder}
      value={value == null ? "" : localDigits(String(value), language)}
      data-testid={testId}
      onChange={(e) => {
        const text = latinDigits(e.target.value).replace(/[^\d]/g, "").slice(0, 6)
        onChange(text === "" ? undefined : Number(text))
      }}
    />
  )
}

const Words = ({ children }: { children: ReactNode }) => (
  <Text size="small" className="text-ui-fg-subtle shrink-0">
    {children}
  </Text>
)

/** The windows a spend or order count is measured over; null: all time. */
const WINDOWS = [7, 30, 90, 180, 365, null] as const

type LeafProps<F extends ConditionField> = {
  /** The condition's place in the tree, for element ids. */
  idBase: string
  condition: Extract<SegmentCondition, { field: F }>
  onChange: (next: SegmentCondition) => void
  options: SegmentOptions
}

/** The inputs of one condition, by its kind. */
const LeafInputs = ({ idBase, condition, onChange, options }: LeafProps<ConditionField>) => {
  const { t } = useLoyaltyTranslation()
  const { display, number } = useFormat()
  const { windowLabel } = useConditionWords()
  const c = condition as any
  const set = (patch: Record<string, unknown>) => onChange({ ...c, ...patch })
  const currencies = options.currencies.length ? options.currencies : [c.currency_code ?? "irr"]
  const currencySelect = (
    <Choose
      value={c.currency_code ?? currencies[0]}
      onChange={(v) => set({ currency_code: v })}
      label={t("segments.builder.currency")}
      width="w-[90px]"
      options={currencies.map((cur) => ({ value: cur, label: <Ltr>{cur.toUpperCase()}</Ltr> }))}
    />
  )
  const money = (key: "min" | "max", label: string) => (
    <div className="w-[200px]">
      <MoneyInput
        id={`${idBase}-${key}`}
        value={c[key] ?? ""}
        onChange={(v) => set({ [key]: v })}
        currency={c.currency_code ?? currencies[0]}
        display={display}
        placeholder={label}
      />
    </div>
  )
  const windowSelect = (
    <Choose
      value={c.window_days == null ? "all" : String(c.window_days)}
      onChange={(v) => set({ window_days: v === "all" ? null : Number(v) })}
      label={t("segments.builder.window")}
      width="w-[170px]"
      options={WINDOWS.map((w) => ({ value: w == null ? "all" : String(w), label: windowLabel(w) }))}
    />
  )
  const range = (minLabel: string, maxLabel: string) => (
    <>
      <Words>{t("segments.builder.from")}</Words>
      <WholeInput value={c.min} onChange={(v) => set({ min: v })} label={minLabel} placeholder={t("segments.builder.any")} />
      <Words>{t("segments.builder.to")}</Words>
      <WholeInput value={c.max} onChange={(v) => set({ max: v })} label={maxLabel} placeholder={t("segments.builder.any")} />
    </>
  )
  const scores = [1, 2, 3, 4, 5].map((s) => ({ value: String(s), label: number(s) }))
  const multi = (key: string, opts: { value: string; label: string }[], testId?: string) => (
    <div className="min-w-[240px] flex-1" data-testid={testId}>
      <MultiSelect
        id={`${idBase}-${key}`}
        value={(c[key] ?? []).map(String)}
        onChange={(ids) => set({ [key]: key === "months" ? ids.map(Number) : ids })}
        options={opts}
      />
    </div>
  )

  switch (c.field as ConditionField) {
    case "tier":
      return multi("tier_ids", [
        { value: "none", label: t("segments.builder.noTier") },
        ...options.tiers.map((tier) => ({ value: tier.id, label: tier.name })),
      ])
    case "balance":
      return (
        <>
          {currencySelect}
          <Words>{t("segments.builder.atLeast")}</Words>
          {money("min", t("segments.builder.any"))}
          <Words>{t("segments.builder.atMost")}</Words>
          {money("max", t("segments.builder.any"))}
        </>
      )
    case "expiring_credit":
      return (
        <>
          <Words>{t("segments.builder.within")}</Words>
          <WholeInput
            value={c.within_days}
            onChange={(v) => set({ within_days: v ?? 0 })}
            label={t("segments.builder.days")}
          />
          <Words>{t("segments.builder.days")}</Words>
          {currencySelect}
          <Words>{t("segments.builder.atLeast")}</Words>
          {money("min", t("segments.builder.any"))}
        </>
      )
    case "spend":
      return (
        <>
          {windowSelect}
          {currencySelect}
          <Words>{t("segments.builder.atLeast")}</Words>
          {money("min", t("segments.builder.any"))}
          <Words>{t("segments.builder.atMost")}</Words>
          {money("max", t("segments.builder.any"))}
        </>
      )
    case "orders":
      return (
        <>
          {windowSelect}
          {range(t("segments.builder.minOrders"), t("segments.builder.maxOrders"))}
        </>
      )
    case "days_since_last_order":
      return (
        <>
          {range(t("segments.builder.minDays"), t("segments.builder.maxDays"))}
          <Words>{t("segments.builder.days")}</Words>
        </>
      )
    case "r_score":
    case "f_score":
    case "m_score":
    case "l_score":
      return (
        <>
          <Words>{t("segments.builder.from")}</Words>
          <Choose value={String(c.min ?? 1)} onChange={(v) => set({ min: Number(v) })} label={t("segments.builder.minScore")} options={scores} width="w-[70px]" />
          <Words>{t("segments.builder.to")}</Words>
          <Choose value={String(c.max ?? 5)} onChange={(v) => set({ max: Number(v) })} label={t("segments.builder.maxScore")} options={scores} width="w-[70px]" />
        </>
      )
    case "rfm_segment":
      return multi(
        "segments",
        RFM_SEGMENTS.map((s) => ({ value: s, label: t(RFM_LABEL[s]) })),
        "seg-rfm"
      )
    case "channel_mix":
      return (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          {CHANNEL_MIXES.map((mix) => (
            <label key={mix} className="flex items-center gap-x-2">
              <Checkbox
                checked={c.values.includes(mix)}
                onCheckedChange={(on) =>
                  set({ values: on ? [...c.values, mix] : c.values.filter((v: string) => v !== mix) })
                }
              />
              <Text size="small">{t(CHANNEL_MIX_LABEL[mix])}</Text>
            </label>
          ))}
        </div>
      )
    case "till_location":
      return multi(
        "locations",
        options.locations.map((l) => ({ value: l, label: l }))
      )
    case "interest":
      return multi(
        "category_ids",
        options.categories.map((cat) => ({ value: cat.id, label: cat.name }))
      )
    case "birthday_month": {
      const names = c.calendar === "gregorian" ? GREGORIAN_MONTH : JALALI_MONTH
      return (
        <>
          <Choose
            value={c.calendar}
            onChange={(v) => set({ calendar: v })}
            label={t("segments.builder.calendar")}
            options={[
              { value: "jalali", label: t("segments.builder.jalali") },
              { value: "gregorian", label: t("segments.builder.gregorian") },
            ]}
          />
          {multi(
            "months",
            names.map((key, i) => ({ value: String(i + 1), label: t(key) })),
            "seg-months"
          )}
        </>
      )
    }
    case "customer_group":
      return multi(
        "group_ids",
        options.customer_groups.map((g) => ({ value: g.id, label: g.name }))
      )
    case "sms_opted_in":
      return (
        <Choose
          value={c.value ? "yes" : "no"}
          onChange={(v) => set({ value: v === "yes" })}
          label={t("segments.fields.sms_opted_in")}
          width="w-[220px]"
          options={[
            { value: "yes", label: t("segments.builder.optedIn") },
            { value: "no", label: t("segments.builder.notOptedIn") },
          ]}
        />
      )
  }
}

const samePath = (a: number[] | null | undefined, b: number[]) =>
  !!a && a.length === b.length && a.every((x, i) => x === b[i])

/**
 * A group of conditions joined by "all" or "any", with conditions and
 * groups inside it, up to three levels: what the saved segment holds.
 */
export const ConditionGroup = ({
  group,
  onChange,
  onRemove,
  options,
  depth = 1,
  path = [],
  root,
  errorAt,
}: {
  group: SegmentGroup
  onChange: (next: SegmentGroup) => void
  onRemove?: () => void
  options: SegmentOptions
  depth?: number
  path?: number[]
  /** The whole tree, to count its conditions. */
  root?: SegmentGroup
  /** The condition an API error names. */
  errorAt?: number[] | null
}) => {
  const { t } = useLoyaltyTranslation()
  const full = countLeaves(root ?? group) >= SEGMENT_LIMITS.leaves
  const currency = options.currencies[0] ?? "irr"
  const replace = (i: number, next: SegmentCondition | SegmentGroup) =>
    onChange({ ...group, conditions: group.conditions.map((c, j) => (j === i ? next : c)) })
  const remove = (i: number) =>
    onChange({ ...group, conditions: group.conditions.filter((_, j) => j !== i) })
  const add = (node: SegmentCondition | SegmentGroup) =>
    onChange({ ...group, conditions: [...group.conditions, node] })

  return (
    <div
      className={`flex flex-col gap-y-2 rounded-lg p-3 ${depth === 1 ? "bg-ui-bg-subtle" : "bg-ui-bg-base shadow-borders-base"}`}
      data-testid="segment-group"
      data-depth={depth}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Words>{t("segments.builder.customersWho")}</Words>
          <Choose
            value={group.match}
            onChange={(v) => onChange({ ...group, match: v as "all" | "any" })}
            label={t("segments.builder.match")}
            width="w-[120px]"
            testId="segment-match"
            options={[
              { value: "all", label: t("segments.builder.all") },
              { value: "any", label: t("segments.builder.anyOf") },
            ]}
          />
          <Words>{t("segments.builder.ofThese")}</Words>
        </div>
        {onRemove && (
          <IconButton size="small" variant="transparent" type="button" onClick={onRemove} aria-label={t("segments.builder.removeGroup")}>
            <Trash />
          </IconButton>
        )}
      </div>
      {group.conditions.length === 0 && (
        <Text size="small" className="text-ui-fg-muted">
          {t("segments.builder.empty")}
        </Text>
      )}
      {group.conditions.map((node, i) =>
        isGroup(node) ? (
          <ConditionGroup
            key={i}
            group={node}
            onChange={(next) => replace(i, next)}
            onRemove={() => remove(i)}
            options={options}
            depth={depth + 1}
            path={[...path, i]}
            root={root ?? group}
            errorAt={errorAt}
          />
        ) : (
          <div
            key={i}
            className={`bg-ui-bg-base flex flex-wrap items-center gap-2 rounded-md p-2 ${samePath(errorAt, [...path, i]) ? "shadow-borders-error" : "shadow-borders-base"}`}
            data-testid="segment-condition"
            data-field={node.field}
          >
            <Choose
              value={node.field}
              onChange={(v) => replace(i, newCondition(v as ConditionField, currency))}
              label={t("segments.builder.field")}
              width="w-[210px]"
              testId="segment-field"
              options={CONDITION_FIELDS.map((f) => ({ value: f, label: t(FIELD_LABEL[f]) }))}
            />
            <LeafInputs idBase={`seg-${[...path, i].join("-")}`} condition={node} onChange={(next) => replace(i, next)} options={options} />
            <div className="ms-auto">
              <IconButton size="small" variant="transparent" type="button" onClick={() => remove(i)} aria-label={t("segments.builder.removeCondition")}>
                <Trash />
              </IconButton>
            </div>
          </div>
        )
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={full}
          onClick={() => add(newCondition("rfm_segment", currency))}
          data-testid="segment-add-condition"
        >
          <Plus />
          {t("segments.builder.addCondition")}
        </Button>
        {depth < SEGMENT_LIMITS.depth && (
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={full}
            onClick={() => add({ match: group.match === "all" ? "any" : "all", conditions: [newCondition("channel_mix", currency)] })}
            data-testid="segment-add-group"
          >
            <Plus />
            {t("segments.builder.addGroup")}
          </Button>
        )}
      </div>
    </div>
  )
}
