import { ChevronUpDown } from "@medusajs/icons"
import { Button, Input, Popover, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { FieldValues } from "react-hook-form"
import { ControlledField, FieldProps } from "../fields"
import { Data, Ltr } from "../ltr"
import { api } from "../../lib/api"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { loyaltyKeys } from "../../lib/query"
import { personName } from "../../lib/transfers"

export type PickedCustomer = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
}

const PAGE = 20

function useDebounced(value: string, ms = 250) {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/** How a customer reads in the picker: name, else email, else phone. */
const CustomerLabel = ({ customer }: { customer: PickedCustomer }) => {
  const name = personName(customer)
  return (
    <span className="flex min-w-0 flex-col text-start">
      <Text size="small" className="truncate">
        <Data>{name || customer.email || customer.phone || customer.id}</Data>
      </Text>
      {(customer.phone || (name && customer.email)) && (
        <Text size="xsmall" className="text-ui-fg-subtle truncate">
          <Ltr>{customer.phone || customer.email}</Ltr>
        </Text>
      )}
    </span>
  )
}

/**
 * One customer of the store, searched by name, email or phone on the
 * server (Medusa's customer search). The form keeps the customer's id; the
 * picked record is reported through `onPick` for what the form shows next
 * (their balance).
 */
export function CustomerPickerField<T extends FieldValues>(
  props: FieldProps<T> & { onPick: (customer: PickedCustomer | null) => void; picked: PickedCustomer | null }
) {
  const { t } = useLoyaltyTranslation()
  const [search, setSearch] = useState("")
  const [open, setOpen] = useState(false)
  const term = useDebounced(search.trim())
  const found = useQuery({
    queryKey: loyaltyKeys.resources("customer", term),
    queryFn: () =>
      api<{ customers: PickedCustomer[] }>("/admin/customers", {
        query: { q: term || undefined, limit: PAGE, fields: "id,first_name,last_name,email,phone" },
      }),
    select: (body) => body.customers,
    enabled: open,
    placeholderData: keepPreviousData,
  })

  return (
    <ControlledField
      props={props}
      render={({ field, a11y, invalid }) => (
        <Popover
          open={open}
          onOpenChange={(next) => {
            setOpen(next)
            if (!next) setSearch("")
          }}
        >
          <Popover.Trigger asChild>
            <Button
              {...a11y}
              ref={field.ref}
              type="button"
              variant="secondary"
              disabled={props.disabled}
              className={`h-auto min-h-8 w-full justify-between py-1 font-normal ${invalid ? "shadow-borders-error" : ""}`}
            >
              {props.picked ? (
                <CustomerLabel customer={props.picked} />
              ) : (
                <span className="text-ui-fg-muted">{props.placeholder ?? t("common.picker.placeholder")}</span>
              )}
              <ChevronUpDown className="text-ui-fg-muted shrink-0" />
            </Button>
          </Popover.Trigger>
          <Popover.Content align="start" className="z-[100] w-[var(--radix-popover-trigger-width)] p-0">
            <div className="border-b p-2">
              <Input
                size="small"
                type="search"
                placeholder={t("transfers.send.customer.search")}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                autoFocus
                data-testid="transfer-customer-search"
              />
            </div>
            <div className="max-h-64 overflow-y-auto p-1" role="listbox">
              {found.data?.length === 0 && (
                <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
                  {term ? t("common.states.noMatches") : t("common.picker.nothing")}
                </Text>
              )}
              {(found.data ?? []).map((customer) => (
                <button
                  key={customer.id}
                  type="button"
                  role="option"
                  aria-selected={field.value === customer.id}
                  className="hover:bg-ui-bg-base-hover flex w-full items-center rounded-md px-2 py-1.5"
                  onClick={() => {
                    field.onChange(customer.id)
                    props.onPick(customer)
                    setOpen(false)
                  }}
                >
                  <CustomerLabel customer={customer} />
                </button>
              ))}
            </div>
          </Popover.Content>
        </Popover>
      )}
    />
  )
}
