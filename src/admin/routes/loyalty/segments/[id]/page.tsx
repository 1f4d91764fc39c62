import { ArrowLeft, ArrowRight } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { Data } from "../../../../components/ltr"
import { LoyaltyApiError, useErrorText } from "../../../../lib/api"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { deleteSegment, SEGMENTS, segmentKeys, useSegment, useSegmentOptions } from "../../../../lib/segments"
import { isolate } from "../../cashback-rules/components/sentence"
import { ConditionSummary } from "../components/condition-words"
import { MembersTable } from "../components/members-table"
import { SegmentForm } from "../components/segment-form"
import { UsedBy } from "../components/segments-table"

/**
 * One segment: its conditions in words, its count and what uses it, the
 * customers in it now (a page at a time), the CSV export, edit, and delete
 * behind a prompt (refused, in words, while a campaign, rule or batch uses it).
 */
const SegmentPage = () => {
  const { id = "" } = useParams()
  const { t, dir } = useLoyaltyTranslation()
  const { number, dateTime } = useFormat()
  const errorText = useErrorText()
  const navigate = useNavigate()
  const prompt = usePrompt()
  const { data: segment, error, isPending } = useSegment(id)
  const { data: options } = useSegmentOptions()
  const [editing, setEditing] = useState(false)

  const remove = useLoyaltyMutation({
    mutationFn: () => deleteSegment(id),
    // The lists only: the deleted segment's own page is left, not read again.
    invalidate: () => [segmentKeys.list({}).slice(0, 3)],
    success: () => t("segments.toast.deleted", { name: isolate(segment?.name ?? "") }),
    onSuccess: () => navigate("/loyalty/segments"),
    onError: (e) => {
      if (e instanceof LoyaltyApiError && e.code === "loyalty_segment_in_use") {
        toast.error(errorText(e))
        return true
      }
    },
  })

  const askDelete = async () => {
    if (!segment) return
    const confirmed = await prompt({
      title: t("segments.delete.title", { name: isolate(segment.name) }),
      description: t("segments.delete.description"),
      confirmText: t("common.actions.delete"),
      cancelText: t("common.actions.cancel"),
    })
    if (confirmed) remove.mutate(undefined)
  }

  const Back = dir === "rtl" ? ArrowRight : ArrowLeft
  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="segment">
      <Link
        to="/loyalty/segments"
        className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex items-center gap-x-1"
        data-testid="segment-back"
      >
        <Back />
        {t("segments.detail.back")}
      </Link>
      {!segment ? (
        <Container className="px-6 py-4">
          <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"} role={error ? "alert" : undefined}>
            {error ? errorText(error) : isPending ? t("common.states.loading") : null}
          </Text>
        </Container>
      ) : (
        <>
          <Container className="divide-y p-0" data-testid="segment-detail">
            <div className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row">
              <div className="flex min-w-0 flex-col gap-y-1">
                <Heading level="h1">
                  <Data>{segment.name}</Data>
                </Heading>
                {segment.description && (
                  <Text size="small" className="text-ui-fg-subtle">
                    <Data>{segment.description}</Data>
                  </Text>
                )}
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-2">
                <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="segment-edit">
                  {t("common.actions.edit")}
                </Button>
                <Button size="small" variant="secondary" asChild>
                  <a href={`${SEGMENTS}/${segment.id}/export`} download={`segment-${segment.id}.csv`} data-testid="segment-export">
                    {t("segments.detail.export")}
                  </a>
                </Button>
                <Button size="small" variant="danger" onClick={askDelete} isLoading={remove.isPending} data-testid="segment-delete">
                  {t("common.actions.delete")}
                </Button>
              </div>
            </div>
            <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
              <div className="flex flex-col">
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("segments.list.columns.count")}
                </Text>
                <Text size="small" weight="plus" data-testid="segment-detail-count">
                  {segment.customer_count == null
                    ? "—"
                    : t("segments.form.customers", { count: segment.customer_count, n: number(segment.customer_count) })}
                </Text>
                {segment.counted_at && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {t("segments.list.countedAt", { date: dateTime(segment.counted_at) })}
                  </Text>
                )}
              </div>
              <div className="flex flex-col">
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("segments.list.columns.usedBy")}
                </Text>
                <UsedBy usage={segment.usage} />
              </div>
            </div>
            <div className="px-6 py-4">
              <ConditionSummary group={segment.conditions} options={options} />
            </div>
          </Container>
          <Container className="divide-y p-0">
            <MembersTable segmentId={segment.id} />
          </Container>
          <SegmentForm segment={segment} open={editing} onOpenChange={setEditing} />
        </>
      )}
    </div>
  )
}

export default SegmentPage
