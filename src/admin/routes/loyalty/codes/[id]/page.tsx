import { ArrowLeft, ArrowRight } from "@medusajs/icons"
import { Button, Container, Heading, Text, usePrompt } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { BatchStatusBadge, IssueProgress } from "../../../../components/codes/batch-status"
import { Data } from "../../../../components/ltr"
import { api, useErrorText } from "../../../../lib/api"
import { BATCHES, CodeBatch, codeKeys, useCodeBatch } from "../../../../lib/codes"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { isolate } from "../../cashback-rules/components/sentence"
import { BatchCodesTable } from "../components/batch-codes-table"
import { BatchStats, BatchTemplate } from "../components/batch-summary"

/**
 * One batch: its template in words, how it did, its codes (searched, a page
 * at a time), the CSV export and disabling it behind a prompt.
 */
const BatchPage = () => {
  const { id = "" } = useParams()
  const { t, dir } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const prompt = usePrompt()
  const { data: batch, error, isPending } = useCodeBatch(id)

  const disable = useLoyaltyMutation({
    mutationFn: () => api<{ code_batch: CodeBatch }>(`${BATCHES}/${id}/disable`, { method: "POST", body: {} }),
    invalidate: () => [codeKeys.all()],
    success: ({ code_batch }) => t("codes.toast.disabled", { name: isolate(code_batch.name) }),
  })

  const askDisable = async () => {
    if (!batch) return
    const confirmed = await prompt({
      title: t("codes.disable.title", { name: isolate(batch.name) }),
      description: t("codes.disable.description"),
      confirmText: t("codes.disable.confirm"),
      cancelText: t("common.actions.cancel"),
    })
    if (confirmed) disable.mutate(undefined)
  }

  const Back = dir === "rtl" ? ArrowRight : ArrowLeft
  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="code-batch">
      <Link
        to="/loyalty/codes"
        className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex items-center gap-x-1"
        data-testid="batch-back"
      >
        <Back />
        {t("codes.detail.back")}
      </Link>
      {!batch ? (
        <Container className="px-6 py-4">
          <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"} role={error ? "alert" : undefined}>
            {error ? errorText(error) : isPending ? t("common.states.loading") : null}
          </Text>
        </Container>
      ) : (
        <>
          <Container className="divide-y p-0" data-testid="batch-detail" data-status={batch.status}>
            <div className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row">
              <div className="flex min-w-0 flex-col gap-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Heading level="h1">
                    <Data>{batch.name}</Data>
                  </Heading>
                  <BatchStatusBadge status={batch.status} />
                </div>
                {batch.status === "creating" && <IssueProgress batch={batch} />}
                {batch.status === "failed" && (
                  <Text size="small" className="text-ui-fg-error" data-testid="batch-error">
                    {t("codes.detail.failed")}
                  </Text>
                )}
              </div>
              <div className="flex shrink-0 items-center gap-x-2">
                {/* A batch still being made would export part of its codes. */}
                {batch.status !== "creating" && (
                  <Button size="small" variant="secondary" asChild>
                    <a
                      href={`${BATCHES}/${batch.id}/export`}
                      download={`${batch.prefix || "codes"}-${batch.id}.csv`}
                      data-testid="batch-export"
                    >
                      {t("codes.detail.export")}
                    </a>
                  </Button>
                )}
                {batch.status !== "disabled" && (
                  <Button
                    size="small"
                    variant="danger"
                    onClick={askDisable}
                    isLoading={disable.isPending}
                    data-testid="batch-disable"
                  >
                    {t("codes.detail.disable")}
                  </Button>
                )}
              </div>
            </div>
            <BatchStats batch={batch} />
          </Container>
          <Container className="divide-y p-0">
            <div className="px-6 py-4">
              <Heading level="h2">{t("codes.detail.templateTitle")}</Heading>
            </div>
            <BatchTemplate batch={batch} />
          </Container>
          <Container className="divide-y p-0" data-testid="batch-codes-list">
            <BatchCodesTable batch={batch} />
          </Container>
        </>
      )}
    </div>
  )
}

export default BatchPage
