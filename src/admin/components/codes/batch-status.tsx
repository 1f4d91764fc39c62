import { StatusBadge, Text } from "@medusajs/ui"
import { BatchKind, BatchStatus, CodeBatch, GiftState, issuedPercent } from "../../lib/codes"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"

export const STATUS_LABEL = {
  creating: "codes.status.creating",
  active: "codes.status.active",
  disabled: "codes.status.disabled",
  failed: "codes.status.failed",
} as const satisfies Record<BatchStatus, string>

const STATUS_COLOR = {
  creating: "blue",
  active: "green",
  disabled: "grey",
  failed: "red",
} as const satisfies Record<BatchStatus, "blue" | "green" | "grey" | "red">

export const KIND_LABEL = {
  bulk: "codes.kinds.bulk.label",
  personal: "codes.kinds.personal.label",
} as const satisfies Record<BatchKind, string>

export const KIND_DESCRIPTION = {
  bulk: "codes.kinds.bulk.description",
  personal: "codes.kinds.personal.description",
} as const satisfies Record<BatchKind, string>

export const GIFT_STATE_LABEL = {
  available: "codes.giftStates.available",
  used: "codes.giftStates.used",
  expired: "codes.giftStates.expired",
  disabled: "codes.giftStates.disabled",
} as const satisfies Record<GiftState, string>

const GIFT_STATE_COLOR = {
  available: "green",
  used: "blue",
  expired: "grey",
  disabled: "red",
} as const satisfies Record<GiftState, "green" | "blue" | "grey" | "red">

/** A batch's status in words. */
export const BatchStatusBadge = ({ status }: { status: BatchStatus }) => {
  const { t } = useLoyaltyTranslation()
  return (
    <StatusBadge color={STATUS_COLOR[status]} data-testid="batch-status" data-status={status}>
      {t(STATUS_LABEL[status])}
    </StatusBadge>
  )
}

/** A code or gift's state in words. */
export const GiftStateBadge = ({ state }: { state: GiftState }) => {
  const { t } = useLoyaltyTranslation()
  return (
    <StatusBadge color={GIFT_STATE_COLOR[state]} data-testid="gift-state" data-state={state}>
      {t(GIFT_STATE_LABEL[state])}
    </StatusBadge>
  )
}

/**
 * How many of a bulk batch's codes are made: a bar (filling from the start
 * of the line in either direction) and "1,200 of 5,000".
 */
export const IssueProgress = ({ batch }: { batch: Pick<CodeBatch, "issued" | "quantity"> }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const done = issuedPercent(batch)
  return (
    <div className="flex min-w-[140px] flex-col gap-y-1" data-testid="batch-progress">
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={done}
        aria-label={t("codes.list.progressLabel")}
        className="bg-ui-bg-switch-off h-1.5 w-full overflow-hidden rounded-full"
      >
        <div
          className="bg-ui-fg-interactive h-full rounded-full transition-[width]"
          style={{ width: `${done}%` }}
        />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle" data-testid="batch-progress-text">
        {t("codes.list.progress", { issued: number(batch.issued), quantity: number(batch.quantity) })}
      </Text>
    </div>
  )
}
