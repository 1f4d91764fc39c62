import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tag } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useStoreCurrencies } from "../../../lib/query"
import { BatchForm } from "./components/batch-form/batch-form"
import { BatchesTable } from "./components/batches-table"

/**
 * Discount code batches: the list with their use and revenue, and a new
 * batch (bulk codes made in the background, or a personal template) in a
 * full-screen form; a batch's page has its codes, export and disable.
 */
const CodesPage = () => {
  const navigate = useNavigate()
  const { data: currencies } = useStoreCurrencies()
  const [open, setOpen] = useState(false)
  // A new form for each opening: it starts empty.
  const [formKey, setFormKey] = useState(0)
  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="codes">
      <Container className="divide-y p-0" data-testid="code-batches">
        <BatchesTable
          onCreate={() => {
            setFormKey((k) => k + 1)
            setOpen(true)
          }}
        />
      </Container>
      {currencies && (
        <BatchForm
          key={formKey}
          open={open}
          onOpenChange={setOpen}
          currencies={currencies}
          onCreated={(batch) => navigate(`/loyalty/codes/${batch.id}`)}
        />
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.codes",
  translationNs: "loyalty",
  icon: Tag,
  rank: 8,
})

export default CodesPage
