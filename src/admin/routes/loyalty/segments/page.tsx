import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { SegmentForm } from "./components/segment-form"
import { SegmentsTable } from "./components/segments-table"

/**
 * Saved segments: audiences built from conditions (tier, balance, spend,
 * RFM, channel, birthday month...) joined by all/any, counted live while
 * edited; campaigns, cashback rules and code batches use them.
 */
const SegmentsPage = () => {
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  // A new form for each opening: it starts from the starter conditions.
  const [formKey, setFormKey] = useState(0)
  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="segments">
      <Container className="divide-y p-0" data-testid="segments">
        <SegmentsTable
          onCreate={() => {
            setFormKey((k) => k + 1)
            setOpen(true)
          }}
        />
      </Container>
      <SegmentForm
        key={formKey}
        segment={null}
        open={open}
        onOpenChange={setOpen}
        onSaved={(segment) => navigate(`/loyalty/segments/${segment.id}`)}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.segments",
  translationNs: "loyalty",
  icon: Users,
  rank: 12,
})

export default SegmentsPage
