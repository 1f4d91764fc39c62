import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Key } from "@medusajs/icons"
import { useState } from "react"
import { CreatedPosKey, CreatedKeyDialog } from "./components/created-key-dialog"
import { PosKeyForm } from "./components/pos-key-form"
import { PosKeysTable } from "./components/pos-keys-table"
import { TillSettings } from "./components/till-settings"

/**
 * The shop's tills and kiosk: a key per till (created in a drawer, shown
 * once, revoked behind a prompt) and the till and kiosk settings.
 */
const PosKeysPage = () => {
  const [formOpen, setFormOpen] = useState(false)
  const [created, setCreated] = useState<CreatedPosKey | null>(null)

  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="till-keys">
      <PosKeysTable onCreate={() => setFormOpen(true)} />
      <TillSettings />
      <PosKeyForm
        open={formOpen}
        onOpenChange={setFormOpen}
        onCreated={(key) => {
          setFormOpen(false)
          setCreated(key)
        }}
      />
      <CreatedKeyDialog created={created} onClose={() => setCreated(null)} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.tillKeys",
  translationNs: "loyalty",
  icon: Key,
  rank: 4,
})

export default PosKeysPage
