import { zodResolver } from "@hookform/resolvers/zod"
import { Hint, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Controller, useForm, useWatch } from "react-hook-form"
import { z } from "zod"
import { TextField } from "../../../../components/fields"
import { FormModal } from "../../../../components/form-drawer"
import { LoyaltyApiError, useErrorText } from "../../../../lib/api"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { textSchema } from "../../../../lib/schema"
import {
  conditionsBody,
  countLeaves,
  errorPath,
  isComplete,
  saveSegment,
  Segment,
  SegmentGroup,
  segmentKeys,
  useLiveCount,
  useSegmentOptions,
} from "../../../../lib/segments"
import { isolate } from "../../cashback-rules/components/sentence"
import { ConditionGroup } from "./condition-builder"

type Values = { name: string; description: string; conditions: SegmentGroup }

const NAME_MAX = 200
const DESCRIPTION_MAX = 1000

const starter = (): SegmentGroup => ({
  match: "all",
  conditions: [{ field: "rfm_segment", segments: ["at_risk", "cant_lose"] }],
})

/** The live count of the conditions as they stand. */
const LiveCount = ({ conditions }: { conditions: SegmentGroup }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const errorText = useErrorText()
  const { data, error, isFetching } = useLiveCount(conditions)
  const complete = isComplete(conditions)
  return (
    <div
      className="bg-ui-bg-subtle sticky top-0 z-10 flex items-center justify-between rounded-lg px-4 py-3"
      data-testid="segment-live-count"
      data-count={complete && data !== undefined && !error ? data : undefined}
    >
      <Text size="small" weight="plus">
        {t("segments.form.liveCount")}
      </Text>
      <Text size="small" className={error ? "text-ui-fg-error" : ""} role={error ? "alert" : undefined}>
        {!complete
          ? t("segments.form.incomplete")
          : error
            ? errorText(error)
            : data === undefined
              ? t("common.states.loading")
              : t("segments.form.customers", { count: data, n: number(data) })}
        {complete && isFetching && data !== undefined ? " …" : ""}
      </Text>
    </div>
  )
}

/** A segment created or edited: its name, a note, and the conditions with a live count. */
export const SegmentForm = ({
  segment,
  open,
  onOpenChange,
  onSaved,
}: {
  segment: Segment | null
  open: boolean
  onOpenChange: (open: boolean) => void
  onSaved?: (segment: Segment) => void
}) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const { data: options, error: optionsError } = useSegmentOptions()
  const [errorAt, setErrorAt] = useState<number[] | null>(null)

  const schema = useMemo(
    () =>
      z.object({
        name: textSchema(t, { max: NAME_MAX }),
        description: textSchema(t, { optional: true, max: DESCRIPTION_MAX }),
        conditions: z.custom<SegmentGroup>().superRefine((group, ctx) => {
          if (!countLeaves(group)) {
            ctx.addIssue({ code: "custom", message: t("segments.form.noConditions") })
          } else if (!isComplete(group)) {
            ctx.addIssue({ code: "custom", message: t("segments.form.incompleteError") })
          }
        }),
      }),
    [t]
  )
  const defaults = useMemo<Values>(
    () => ({
      name: segment?.name ?? "",
      description: segment?.description ?? "",
      conditions: segment?.conditions ?? starter(),
    }),
    [segment]
  )
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults })
  useEffect(() => {
    if (open) {
      form.reset(defaults)
      setErrorAt(null)
    }
  }, [defaults, form, open])
  const conditions = useWatch({ control: form.control, name: "conditions" }) ?? defaults.conditions

  const save = useLoyaltyMutation({
    mutationFn: (v: Values) =>
      saveSegment(segment?.id ?? null, {
        name: v.name.trim(),
        description: v.description.trim() || null,
        conditions: conditionsBody(v.conditions),
      }),
    invalidate: () => [segmentKeys.all()],
    success: ({ segment: saved }) => t("segments.toast.saved", { name: isolate(saved.name) }),
    onSuccess: ({ segment: saved }) => {
      onOpenChange(false)
      onSaved?.(saved)
    },
    onError: (e) => {
      if (e instanceof LoyaltyApiError && e.code === "loyalty_segment_invalid") {
        setErrorAt(errorPath(e.message))
        form.setError("conditions", { message: errorText(e) })
        return true
      }
    },
  })

  return (
    <FormModal
      open={open}
      onOpenChange={onOpenChange}
      title={segment ? t("segments.form.editTitle") : t("segments.form.createTitle")}
      description={t("segments.form.description")}
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
      submitting={save.isPending}
      testId="segment-form"
    >
      <TextField control={form.control} name="name" id="segment-name" label={t("segments.form.name")} />
      <TextField
        control={form.control}
        name="description"
        id="segment-description"
        optional
        label={t("segments.form.note")}
        hint={t("segments.form.noteHint")}
      />
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">
          {t("segments.form.conditions")}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("segments.form.conditionsHint")}
        </Text>
        <LiveCount conditions={conditions} />
        {optionsError ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {errorText(optionsError)}
          </Text>
        ) : !options ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.states.loading")}
          </Text>
        ) : (
          <Controller
            control={form.control}
            name="conditions"
            render={({ field, fieldState }) => (
              <div className="flex flex-col gap-y-2" id="segment-conditions">
                <ConditionGroup
                  group={field.value}
                  onChange={(next) => {
                    setErrorAt(null)
                    field.onChange(next)
                  }}
                  options={options}
                  errorAt={errorAt}
                />
                {fieldState.error?.message && (
                  <Hint variant="error" id="segment-conditions-error" role="alert">
                    {fieldState.error.message}
                  </Hint>
                )}
              </div>
            )}
          />
        )}
      </div>
    </FormModal>
  )
}
