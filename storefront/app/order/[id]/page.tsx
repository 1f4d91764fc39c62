"use client"
import type { HttpTypes } from "@medusajs/types"
import { Money, OrderCashbackSummary, TierProgress, useOrderCashback, WalletBalance } from "medusa-plugin-loyalty-club/storefront"
import { useParams } from "next/navigation"
import { useEffect, useState } from "react"
import { useShop } from "../../../lib/shop"

export default function OrderPage() {
  const { id } = useParams<{ id: string }>()
  const { sdk, t, locale } = useShop()
  const [order, setOrder] = useState<HttpTypes.StoreOrder | null>(null)
  const cashback = useOrderCashback(id)

  useEffect(() => {
    sdk.store.order.retrieve(id, { fields: "id,display_id,currency_code,+total,+item_total,+shipping_total,+credit_line_total,*items" }).then(({ order }) => setOrder(order))
  }, [sdk, id])

  // Cashback is recorded when Medusa announces the order (a moment after
  // it is placed): read again until it is there.
  const waiting = !cashback.data?.cashback.length
  useEffect(() => {
    if (!waiting || cashback.loading) return
    const timer = setTimeout(cashback.reload, 1000)
    return () => clearTimeout(timer)
  }, [waiting, cashback.loading, cashback.reload])

  if (!order) return null
  return (
    <div className="two">
      <section className="panel" data-test="order">
        <h1>{t("order_title")}</h1>
        <div className="row">
          <span>{t("order_number")}</span>
          <bdi>#{order.display_id?.toLocaleString(locale === "fa" ? "fa-IR" : "en-US", { useGrouping: false })}</bdi>
        </div>
        <div className="line" data-test="order-credit">
          <span>{t("credit")}</span>
          <Money amount={String(order.credit_line_total ?? 0)} currency={order.currency_code} />
        </div>
        <div className="line total" data-test="order-total">
          <span>{t("total")}</span>
          <Money amount={String(order.total)} currency={order.currency_code} />
        </div>
        {waiting ? <p className="muted">{t("waiting_cashback")}</p> : <OrderCashbackSummary data={cashback.data} />}
      </section>
      <div className="cards">
        <WalletBalance currency={order.currency_code} />
        <TierProgress />
      </div>
    </div>
  )
}
