import { StatusBadge } from "@medusajs/ui"
import { TransferStatus } from "../../lib/transfers"

export const STATUS_LABEL = {
  pending: "transfers.status.pending",
  claimed: "transfers.status.claimed",
  returned: "transfers.status.returned",
} as const satisfies Record<TransferStatus, string>

const STATUS_COLOR = {
  pending: "orange",
  claimed: "green",
  returned: "grey",
} as const satisfies Record<TransferStatus, "orange" | "green" | "grey">

/** A transfer's status: waiting to be claimed, claimed, or returned to the sender. */
export const TransferStatusBadge = ({
  status,
  label,
}: {
  status: TransferStatus
  /** The status in words, already translated. */
  label: string
}) => (
  <StatusBadge color={STATUS_COLOR[status]} data-testid="transfer-status" data-status={status}>
    {label}
  </StatusBadge>
)
