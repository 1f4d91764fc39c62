import { addAmounts, compareAmounts, describeCashbackSplit, describePreviewRelease, explainCredit, splitOrderCashback, tierProgress } from "../explain"
import type { CustomerTier, LoyaltyCredit, OrderCashback } from "../types"

const credit = (over: Partial<LoyaltyCredit>): LoyaltyCredit => ({
  applied: "0",
  requested: null,
  available: "0",
  limit: null,
  currency_code: "irr",
  ...over,
})

describe("storefront kit", () => {
  describe("explainCredit", () => {
    it("should say how much credit is on the order when the amount fit", () => {
      expect(explainCredit(credit({ applied: "2000000", requested: "2000000", available: "5000000" }), { locale: "en" })).toEqual({
        applied: "200,000 Toman of your credit is on this order.",
        limit: null,
      })
    })

    it("should explain each limit in the shopper's words", () => {
      const cases: [LoyaltyCredit["limit"], string, string, string][] = [
        ["balance", "All of your spendable credit (300,000 Toman) is used.", "همهٔ موجودی قابل خرج شما (۳۰۰٬۰۰۰ تومان) استفاده شد.", "info"],
        ["cart_total", "Credit pays the whole order; 300,000 Toman was enough.", "اعتبار کل مبلغ سفارش را می‌پردازد؛ ۳۰۰٬۰۰۰ تومان کافی بود.", "info"],
        ["items_only", "Credit pays for the items only, not for shipping.", "اعتبار فقط بهای کالاها را می‌پردازد، نه هزینهٔ ارسال را.", "warning"],
        ["max_share", "The shop lets credit pay only part of an order: at most 300,000 Toman.", "فروشگاه اجازه می‌دهد فقط بخشی از سفارش با اعتبار پرداخت شود؛ حداکثر ۳۰۰٬۰۰۰ تومان.", "warning"],
      ]
      for (const [limit, en, fa, tone] of cases) {
        const c = credit({ applied: "3000000", available: "3000000", limit })
        expect(explainCredit(c, { locale: "en" }).limit).toEqual({ key: `credit.limit.${limit}`, text: en, tone })
        expect(explainCredit(c, { locale: "fa" }).limit?.text).toBe(fa)
      }
    })

    it("should explain a minimum balance that kept all credit off", () => {
      const c = credit({ applied: "0", available: "400000", limit: "min_balance" })
      expect(explainCredit(c, { locale: "en", display: "rial" })).toEqual({
        applied: null,
        limit: {
          key: "credit.limit.min_balance",
          text: "Credit can be used once your balance reaches the shop's minimum; you have 400,000 Rial.",
          tone: "warning",
        },
      })
    })
  })

  describe("splitOrderCashback", () => {
    const now = new Date("2026-11-30T10:00:00Z")
    const order = (rows: Partial<OrderCashback["cashback"][number]>[]): OrderCashback => ({
      order_id: "order_1",
      order_display_id: 7,
      currency_code: "irr",
      total: addAmounts(...rows.map((r) => r.amount ?? "0")),
      taken_back: "0",
      cashback: rows.map((r) => ({
        rule: { name: "Rule" },
        amount: "0",
        taken_back: "0",
        remaining: r.amount ?? "0",
        state: "pending",
        available_at: null,
        waits_for_fulfilment: false,
        expires_at: null,
        created_at: "2026-11-30T09:00:00Z",
        ...r,
      })),
    })

    it("should tell pending from spendable and say when the pending part can be spent", () => {
      const split = splitOrderCashback(
        order([
          { amount: "150000", state: "available", available_at: "2026-11-30T09:00:00Z" },
          { amount: "400000", state: "pending", available_at: "2026-12-14T09:00:00Z" },
          { amount: "100000", state: "pending", available_at: "2026-12-07T09:00:00Z" },
        ]),
        now
      )
      expect(split).toEqual({
        currency_code: "irr",
        spendable: "150000",
        pending: "500000",
        next_available_at: "2026-12-07T09:00:00Z",
        waits_for_fulfilment: false,
        taken_back: "0",
      })
      expect(describeCashbackSplit(split, { locale: "en" })).toEqual(["50,000 Toman pending · Spendable from 7 December 2026", "15,000 Toman spendable"])
      expect(describeCashbackSplit(split, { locale: "fa" })).toEqual(["۵۰٬۰۰۰ تومان در انتظار، قابل خرج از ۱۶ آذر ۱۴۰۵", "۱۵٬۰۰۰ تومان قابل خرج"])
    })

    it("should say that cashback waiting for fulfilment comes when the order ships", () => {
      const split = splitOrderCashback(order([{ amount: "200000", state: "pending", waits_for_fulfilment: true }]), now)
      expect(split.pending).toBe("200000")
      expect(split.waits_for_fulfilment).toBe(true)
      expect(describeCashbackSplit(split, { locale: "en" })).toEqual(["20,000 Toman pending · Spendable once the order ships"])
    })

    it("should count only what is left of partly taken back cashback, and nothing of reversed or spent", () => {
      const o = order([
        { amount: "300000", remaining: "100000", taken_back: "200000", state: "partly_reversed" },
        { amount: "50000", remaining: "0", state: "reversed", taken_back: "50000" },
        { amount: "70000", remaining: "0", state: "spent" },
      ])
      o.taken_back = "250000"
      const split = splitOrderCashback(o, now)
      expect([split.spendable, split.pending]).toEqual(["100000", "0"])
      expect(describeCashbackSplit(split, { locale: "en" })).toEqual(["10,000 Toman spendable", "25,000 Toman taken back"])
    })
  })

  describe("describePreviewRelease", () => {
    it("should name the latest release of the cart's rules", () => {
      const rule = (release: string, hold_days: number | null = null) => ({ rule_id: "r", name: "n", amount: "1", release, hold_days, expires_after_days: null })
      expect(describePreviewRelease({ currency_code: "irr", total: "2", rules: [rule("placed"), rule("hold", 14)] }, "en")).toBe("Spendable 14 days after the order")
      expect(describePreviewRelease({ currency_code: "irr", total: "1", rules: [rule("placed")] }, "fa")).toBe("بلافاصله پس از ثبت سفارش قابل خرج است")
      expect(describePreviewRelease({ currency_code: "irr", total: "1", rules: [rule("hold", 3), rule("fulfilled")] }, "en")).toBe("Spendable once the order ships")
      expect(describePreviewRelease({ currency_code: "irr", total: "0", rules: [] }, "en")).toBeNull()
    })
  })

  describe("tierProgress", () => {
    const view = (next: Partial<NonNullable<CustomerTier["next_tier"]>> | null): CustomerTier => ({
      customer_id: "cus_1",
      tier: { id: "t1", name: "Silver", rank: 1, cashback_rate: null, cashback_multiplier: null },
      pinned: false,
      achieved_at: null,
      grace_ends_at: null,
      qualifies_for: null,
      currency_code: "irr",
      current: null,
      next_tier: next
        ? { id: "t2", name: "Gold", rank: 2, cashback_rate: null, cashback_multiplier: null, tier_id: "t2", window_starts_at: null, window_ends_at: null, spend: "0", orders: 0, spend_needed: null, orders_needed: null, ...next }
        : null,
    })

    it("should measure the way by the threshold with more to go", () => {
      const p = tierProgress(view({ spend: "150000000", spend_needed: "50000000", orders: 1, orders_needed: 3 }), { locale: "en" })
      expect(p).toEqual({ current: "Silver", next: "Gold", percent: 25, needs: ["5,000,000 Toman more in purchases", "3 more orders"], window_ends_at: null, top: false })
      expect(tierProgress(view({ spend: "150000000", spend_needed: "50000000" }), { locale: "fa" }).needs).toEqual(["۵٬۰۰۰٬۰۰۰ تومان خرید دیگر"])
    })

    it("should say one more order in the singular", () => {
      expect(tierProgress(view({ orders: 1, orders_needed: 1 }), { locale: "en" }).needs).toEqual(["1 more order"])
      expect(tierProgress(view({ orders: 1, orders_needed: 1 }), { locale: "fa" }).needs).toEqual(["۱ سفارش دیگر"])
    })

    it("should show the top tier as complete", () => {
      expect(tierProgress(view(null), { locale: "en" })).toEqual({ current: "Silver", next: null, percent: 100, needs: [], window_ends_at: null, top: true })
    })
  })

  describe("amounts", () => {
    it("should add and compare exact decimals", () => {
      expect(addAmounts("0.1", "0.2")).toBe("0.3")
      expect(addAmounts("999999999999999999", "1")).toBe("1000000000000000000")
      expect(compareAmounts("12.50", "12.5")).toBe(0)
      expect(compareAmounts("-1", "0")).toBe(-1)
      expect(compareAmounts("100", "99.99")).toBe(1)
    })
  })
})
