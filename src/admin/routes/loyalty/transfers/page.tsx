import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Gift } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { SendTransferForm } from "../../../components/transfers/send-transfer-form"
import { TransferSettings } from "./components/transfer-settings"
import { TransfersTable } from "./components/transfers-table"

/**
 * Credit members sent to phone numbers, by status; sending on a member's
 * behalf (in a drawer); and the transfer settings.
 */
const TransfersPage = () => {
  const [sendOpen, setSendOpen] = useState(false)
  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="transfers">
      <Container className="divide-y p-0" data-testid="transfers">
        <TransfersTable onSend={() => setSendOpen(true)} />
      </Container>
      <TransferSettings />
      <SendTransferForm open={sendOpen} onOpenChange={setSendOpen} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.transfers",
  translationNs: "loyalty",
  icon: Gift,
  rank: 7,
})

export default TransfersPage
