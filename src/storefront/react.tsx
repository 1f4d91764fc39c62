"use client"
// React hooks and components for the club. Client components: a server
// component renders them and passes plain props; the pure functions they
// use are exported separately for server code.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react"
import type { ReactNode } from "react"
import { createLoyaltyClient, LoyaltyClient, SdkLike } from "./client"
import { describeCashbackSplit, describePreviewRelease, explainCredit, splitOrderCashback, tierProgress } from "./explain"
import { formatCount, formatDate, formatMoney, Locale, localDigits, MoneyDisplay } from "./format"
import { directionOf, MessageKey, Messages, separatorOf, translate } from "./messages"
import { loyaltyClubCss } from "./styles"
import type { CashbackPreview, ClubCard as ClubCardData, CustomerTier, Gift, LoyaltyCredit, OrderCashback, ReferralMe, SmsPreference, Wallet, WalletTransaction } from "./types"

type Settings = {
  client: LoyaltyClient
  locale: Locale
  moneyDisplay: MoneyDisplay
  timeZone: string
  messages?: Messages
  /** Bumped after a change (credit applied, preferences saved) so every hook reads again. */
  version: number
  refresh: () => void
}

const LoyaltyContext = createContext<Settings | null>(null)

export type LoyaltyProviderProps = {
  /** The storefront's `Medusa` instance from `@medusajs/js-sdk`. */
  sdk: SdkLike
  locale?: Locale
  /** IRR in Toman (default) or Rial: the shop's `money_display`. */
  moneyDisplay?: MoneyDisplay
  /** The shop's time zone, for dates (default Asia/Tehran). */
  timeZone?: string
  /** Any string of the kit, replaced (same keys as MESSAGES). */
  messages?: Messages
  children: ReactNode
}

export function LoyaltyProvider({ sdk, locale = "fa", moneyDisplay = "toman", timeZone = "Asia/Tehran", messages, children }: LoyaltyProviderProps) {
  const [version, setVersion] = useState(0)
  const refresh = useCallback(() => setVersion((v) => v + 1), [])
  const client = useMemo(() => createLoyaltyClient(sdk, { locale }), [sdk, locale])
  const value = useMemo(
    () => ({ client, locale, moneyDisplay, timeZone, messages, version, refresh }),
    [client, locale, moneyDisplay, timeZone, messages, version, refresh]
  )
  return <LoyaltyContext.Provider value={value}>{children}</LoyaltyContext.Provider>
}

/** The provider's client and settings, with the kit's formatters bound to them. */
export function useLoyalty() {
  const settings = useContext(LoyaltyContext)
  if (!settings) {
    throw new Error("useLoyalty: wrap the page in <LoyaltyProvider sdk={sdk}>")
  }
  const { locale, moneyDisplay, timeZone, messages } = settings
  return {
    ...settings,
    t: (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values, messages),
    money: (amount: string | null | undefined, currency: string) => formatMoney(amount, currency, { locale, display: moneyDisplay }),
    date: (value: string | Date | null | undefined) => formatDate(value, locale, { timeZone }),
    count: (n: number) => formatCount(n, locale),
    dir: directionOf(locale),
    sep: separatorOf(locale),
  }
}

export type QueryState<T> = { data: T | undefined; error: unknown; loading: boolean; reload: () => void }

/**
 * Reads once per `key` and again after `refresh()`. A tiny stand-in for a
 * data library, so the kit needs none; a shop using React Query can call
 * the client directly instead.
 */
export function useLoyaltyQuery<T>(key: string | null, read: (client: LoyaltyClient) => Promise<T>): QueryState<T> {
  const { client, version } = useLoyalty()
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: !!key })
  const [nonce, setNonce] = useState(0)
  const readRef = useRef(read)
  readRef.current = read
  useEffect(() => {
    if (!key) {
      setState({ loading: false })
      return
    }
    let live = true
    setState((s) => ({ ...s, loading: true }))
    readRef.current(client).then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false })
    )
    return () => {
      live = false
    }
  }, [key, client, version, nonce])
  return { data: state.data, error: state.error, loading: state.loading, reload: () => setNonce((n) => n + 1) }
}

export const useWallets = (enabled = true) => useLoyaltyQuery(enabled ? "wallets" : null, (c) => c.wallets.list())
export const useWalletHistory = (walletId: string | null | undefined) =>
  useLoyaltyQuery(walletId ? `history:${walletId}` : null, (c) => c.wallets.transactions(walletId!, { limit: 20 }))
export const useClubCard = (enabled = true) => useLoyaltyQuery(enabled ? "me" : null, (c) => c.me())
export const useTier = (enabled = true) => useLoyaltyQuery(enabled ? "tier" : null, (c) => c.tier())
export const useOrderCashback = (orderId: string | null | undefined) =>
  useLoyaltyQuery(orderId ? `order:${orderId}` : null, (c) => c.cashback.order(orderId!))
export const useCartCashback = (cartId: string | null | undefined, cartVersion?: unknown) =>
  useLoyaltyQuery(cartId ? `cart:${cartId}:${String(cartVersion ?? "")}` : null, (c) => c.cashback.previewCart(cartId!))
export const useProductCashback = (input: { variant_id?: string | null; quantity?: number; region_id?: string }) =>
  useLoyaltyQuery(input.variant_id ? `variant:${input.variant_id}:${input.quantity ?? 1}:${input.region_id ?? ""}` : null, (c) =>
    c.cashback.previewVariant({ variant_id: input.variant_id!, quantity: input.quantity, region_id: input.region_id })
  )
export const useGifts = (enabled = true) => useLoyaltyQuery(enabled ? "gifts" : null, (c) => c.gifts.list())
export const useReferral = (enabled = true) => useLoyaltyQuery(enabled ? "referral" : null, (c) => c.referrals.me())

/**
 * Wallet credit on a cart: apply the most allowed, or take it off, and the
 * explanation of the amount. `onCart` receives the cart the route answers,
 * so the page's totals follow without another request.
 */
export function useCartCredit<C = Record<string, unknown>>(
  cartId: string | null | undefined,
  onCart?: (cart: C) => void,
  /** The cart fields the page shows (core's `fields` syntax), so the cart answered has them. */
  cartFields?: string
) {
  const { client, locale, moneyDisplay, messages, refresh } = useLoyalty()
  const [credit, setCredit] = useState<LoyaltyCredit | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async (apply: boolean, amount?: string) => {
    if (!cartId) return
    setBusy(true)
    setError(null)
    try {
      const res = apply ? await client.cart.applyCredit<C>(cartId, amount, cartFields) : await client.cart.removeCredit<C>(cartId, cartFields)
      setCredit(apply ? res.loyalty_credit : null)
      onCart?.(res.cart)
      refresh()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const explanation = credit ? explainCredit(credit, { locale, display: moneyDisplay, messages }) : null
  return { credit, explanation, busy, error, apply: (amount?: string) => run(true, amount), remove: () => run(false) }
}

/** Injects the default styles once. Leave it out to style the kit yourself. */
export function LoyaltyStyles() {
  return <style data-loyalty-club="">{loyaltyClubCss}</style>
}

const cx = (...names: (string | undefined | false)[]) => names.filter(Boolean).join(" ")

/**
 * An amount as the shopper reads it, in bidi isolation inside the page's
 * direction; the exact amount and currency stay in data attributes for
 * tests and analytics.
 */
export function Money({ amount, currency, className }: { amount: string | null | undefined; currency: string; className?: string }) {
  const { money } = useLoyalty()
  return (
    <bdi className={className} data-loyalty-amount={amount ?? "0"} data-loyalty-currency={currency}>
      {money(amount, currency)}
    </bdi>
  )
}

/** Fills a message's placeholders with elements (amounts as <Money>). */
function Sentence({ k, values }: { k: MessageKey; values: Record<string, ReactNode> }) {
  const { t } = useLoyalty()
  const marker = "\u0000"
  const names = Object.keys(values)
  const text = t(k, Object.fromEntries(names.map((n, i) => [n, `${marker}${i}${marker}`])))
  const parts = text.split(new RegExp(`${marker}(\\d+)${marker}`))
  return <>{parts.map((part, i) => (i % 2 ? <span key={i}>{values[names[Number(part)]]}</span> : part))}</>
}

const pickWallet = (wallets: Wallet[] | undefined, currency?: string) =>
  wallets?.find((w) => !currency || w.currency_code === currency.toLowerCase()) ?? null

export function WalletBalance({ currency, className }: { currency?: string; className?: string }) {
  const { t, date } = useLoyalty()
  const { data, loading } = useWallets()
  const wallet = pickWallet(data?.wallets, currency)
  return (
    <section className={cx("lc lc-card", className)} data-loyalty="wallet-balance">
      <h3 className="lc-title">{t("wallet.title")}</h3>
      {loading && !data ? (
        <span className="lc-muted">{t("loading")}</span>
      ) : !wallet ? (
        <span className="lc-muted">{t("wallet.empty")}</span>
      ) : (
        <>
          <div className="lc-row">
            <span className="lc-muted">{t("wallet.available")}</span>
            <Money className="lc-figure" amount={wallet.balance.available} currency={wallet.currency_code} />
          </div>
          <div className="lc-row">
            <span className="lc-muted">{t("wallet.pending")}</span>
            <Money amount={wallet.balance.pending} currency={wallet.currency_code} />
          </div>
          {wallet.balance.next_expiry_at && wallet.balance.expiring_soon !== "0" ? (
            <div className="lc-note" data-tone="warning">
              <Sentence
                k="wallet.expiring"
                values={{ amount: <Money amount={wallet.balance.expiring_soon} currency={wallet.currency_code} />, date: date(wallet.balance.next_expiry_at) }}
              />
            </div>
          ) : null}
          {wallet.status === "frozen" ? <div className="lc-note" data-tone="warning">{t("wallet.frozen")}</div> : null}
        </>
      )}
    </section>
  )
}

export function WalletHistory({ currency, className }: { currency?: string; className?: string }) {
  const { t, date, sep } = useLoyalty()
  const wallets = useWallets()
  const wallet = pickWallet(wallets.data?.wallets, currency)
  const { data } = useWalletHistory(wallet?.id)
  const rows: WalletTransaction[] = data?.transactions ?? []
  return (
    <section className={cx("lc lc-card", className)} data-loyalty="wallet-history">
      <h3 className="lc-title">{t("history.title")}</h3>
      {!rows.length ? (
        <span className="lc-muted">{wallet && !data ? t("loading") : t("history.empty")}</span>
      ) : (
        <ul className="lc-list">
          {rows.map((row) => (
            <li key={row.id}>
              <div>
                <div>{row.description}</div>
                <div className="lc-muted">
                  {date(row.created_at)}
                  {row.waits_for_fulfilment ? `${sep}${t("history.waits_for_fulfilment")}` : row.available_at && new Date(row.available_at) > new Date() ? `${sep}${t("history.available_at", { date: date(row.available_at) })}` : ""}
                  {row.expires_at ? `${sep}${t("history.expires_at", { date: date(row.expires_at) })}` : ""}
                </div>
              </div>
              <Money className={row.amount.startsWith("-") ? "lc-minus" : "lc-plus"} amount={row.amount} currency={wallet!.currency_code} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export type CreditSwitchProps<C> = {
  cartId: string
  currency: string
  /** Whether credit is on the cart now (e.g. a credit line with reference `loyalty_wallet`). */
  applied?: boolean
  /** What is left to pay after the credit, to show under the switch. */
  remaining?: string | null
  onCart?: (cart: C) => void
  /** The cart fields the page shows, so the cart handed to `onCart` has them. */
  cartFields?: string
  className?: string
}

/**
 * "Pay with wallet credit" for the cart and checkout: a switch that puts
 * the most allowed credit on the cart (or takes it off) and says which limit
 * decided the amount (balance, cart total, items only, maximum share,
 * minimum balance).
 */
export function CreditSwitch<C = Record<string, unknown>>({ cartId, currency, applied, remaining, onCart, cartFields, className }: CreditSwitchProps<C>) {
  const { t } = useLoyalty()
  const wallets = useWallets()
  const wallet = pickWallet(wallets.data?.wallets, currency)
  const { credit, explanation, busy, error, apply, remove } = useCartCredit<C>(cartId, onCart, cartFields)
  const on = credit ? credit.applied !== "0" : !!applied
  const none = !wallet || wallet.balance.available === "0" || wallet.balance.available.startsWith("-")
  return (
    <section className={cx("lc lc-card", className)} data-loyalty="credit-switch">
      <h3 className="lc-title">{t("credit.title")}</h3>
      {wallet ? (
        <span className="lc-muted">
          <Sentence k="credit.balance" values={{ amount: <Money amount={wallet.balance.available} currency={wallet.currency_code} /> }} />
        </span>
      ) : null}
      <label className="lc-switch">
        <input type="checkbox" role="switch" checked={on} disabled={busy || (none && !on)} onChange={(e) => (e.target.checked ? apply() : remove())} />
        <span>{t("credit.use")}</span>
      </label>
      {none && !on ? <span className="lc-muted">{t("credit.none")}</span> : null}
      {credit && credit.applied !== "0" ? (
        <div className="lc-note" data-loyalty="credit-applied">
          <Sentence k="credit.applied" values={{ amount: <Money amount={credit.applied} currency={credit.currency_code} /> }} />
        </div>
      ) : null}
      {explanation?.limit ? (
        <div className="lc-note" data-tone={explanation.limit.tone} data-loyalty="credit-limit" data-limit={credit?.limit ?? ""}>
          <Sentence
            k={explanation.limit.key}
            values={{ amount: <Money amount={credit!.applied} currency={credit!.currency_code} />, available: <Money amount={credit!.available} currency={credit!.currency_code} /> }}
          />
        </div>
      ) : null}
      {on && remaining != null ? (
        <div className="lc-row" data-loyalty="credit-remaining">
          <Sentence k="credit.remaining" values={{ amount: <Money amount={remaining} currency={currency} /> }} />
        </div>
      ) : null}
      {error ? <div className="lc-note" data-tone="warning">{(error as Error)?.message || t("error.generic")}</div> : null}
    </section>
  )
}

/** The cashback a product quantity or a cart would earn, and when it becomes spendable. */
export function CashbackBadge({
  preview,
  variant = "product",
  className,
}: {
  preview: CashbackPreview | null | undefined
  variant?: "product" | "cart"
  className?: string
}) {
  const { locale, messages } = useLoyalty()
  if (!preview || preview.total === "0") return null
  const release = describePreviewRelease(preview, locale, messages)
  return (
    <span className={cx("lc lc-badge lc-badge-block", className)} data-loyalty={`cashback-${variant}`}>
      <span>
        <Sentence k={variant === "cart" ? "cashback.cart" : "cashback.product"} values={{ amount: <Money amount={preview.total} currency={preview.currency_code} /> }} />
      </span>
      {release ? <span className="lc-muted lc-release">{release}</span> : null}
    </span>
  )
}

/** A product's badge, reading the preview itself. */
export function ProductCashbackBadge(props: { variantId: string | null | undefined; regionId?: string; quantity?: number; className?: string }) {
  const { data } = useProductCashback({ variant_id: props.variantId, region_id: props.regionId, quantity: props.quantity })
  return <CashbackBadge preview={data?.cashback} variant="product" className={props.className} />
}

/** An order's cashback: pending, spendable and when. */
export function OrderCashbackSummary({ orderId, data: given, className }: { orderId?: string; data?: OrderCashback; className?: string }) {
  const { locale, moneyDisplay, messages, timeZone } = useLoyalty()
  const read = useOrderCashback(given ? null : orderId)
  const data = given ?? read.data
  if (!data || !data.cashback.length) return null
  const split = splitOrderCashback(data)
  const lines = describeCashbackSplit(split, { locale, display: moneyDisplay, messages, timeZone })
  return (
    <section className={cx("lc lc-card", className)} data-loyalty="order-cashback">
      <div className="lc-row">
        <Sentence k="cashback.order" values={{ amount: <Money amount={data.total} currency={data.currency_code} /> }} />
      </div>
      {split.pending !== "0" ? (
        <span className="lc-badge lc-badge-block" data-loyalty="cashback-pending">
          <span>
            <Sentence k="cashback.pending" values={{ amount: <Money amount={split.pending} currency={data.currency_code} /> }} />
          </span>
          <span className="lc-muted lc-release">{lines[0]?.split(separatorOf(locale))[1] ?? ""}</span>
        </span>
      ) : null}
      {split.spendable !== "0" ? (
        <span className="lc-muted" data-loyalty="cashback-spendable">
          <Sentence k="cashback.spendable" values={{ amount: <Money amount={split.spendable} currency={data.currency_code} /> }} />
        </span>
      ) : null}
      <ul className="lc-list">
        {data.cashback.map((c, i) => (
          <li key={i}>
            <span>{c.rule?.name ?? ""}</span>
            <Money amount={c.amount} currency={data.currency_code} />
          </li>
        ))}
      </ul>
    </section>
  )
}

export function TierProgress({ data: given, className }: { data?: CustomerTier; className?: string }) {
  const { t, date, locale, moneyDisplay, messages, sep } = useLoyalty()
  const read = useTier(!given)
  const view = given ?? read.data?.customer_tier
  if (!view) return null
  const p = tierProgress(view, { locale, display: moneyDisplay, messages })
  return (
    <section className={cx("lc lc-card", className)} data-loyalty="tier-progress">
      <h3 className="lc-title">{p.current ? t("tier.current", { name: p.current }) : t("tier.none")}</h3>
      {p.top ? (
        <span className="lc-muted">{t("tier.top")}</span>
      ) : p.next ? (
        <>
          <div className="lc-row">
            <span>{t("tier.next", { name: p.next })}</span>
            <span className="lc-muted">{localDigits(`${p.percent}`, locale)}{locale === "fa" ? "٪" : "%"}</span>
          </div>
          <div className="lc-bar" role="progressbar" aria-valuenow={p.percent} aria-valuemin={0} aria-valuemax={100}>
            <span style={{ width: `${p.percent}%` }} />
          </div>
          <div className="lc-muted">
            {view.next_tier?.spend_needed && view.next_tier.spend_needed !== "0" ? (
              <Sentence k="tier.spend_needed" values={{ amount: <Money amount={view.next_tier.spend_needed} currency={view.currency_code ?? "irr"} /> }} />
            ) : null}
            {view.next_tier?.orders_needed ? `${view.next_tier.spend_needed && view.next_tier.spend_needed !== "0" ? sep : ""}${p.needs[p.needs.length - 1]}` : ""}
            {p.window_ends_at ? `${sep}${t("tier.window_ends", { date: date(p.window_ends_at) })}` : ""}
          </div>
        </>
      ) : null}
      {view.pinned ? <span className="lc-muted">{t("tier.pinned")}</span> : null}
    </section>
  )
}

export function ClubCard({ data: given, className }: { data?: ClubCardData; className?: string }) {
  const { t, date, count } = useLoyalty()
  const read = useClubCard(!given)
  const card = given ?? read.data?.club_card
  if (!card) return null
  return (
    <section className={cx("lc lc-card", className)} data-loyalty="club-card">
      <div className="lc-row">
        <h3 className="lc-title">{t("card.title")}</h3>
        {card.tier ? <span className="lc-badge">{card.tier.name}</span> : null}
      </div>
      <div className="lc-row"><span className="lc-muted">{t("card.purchases")}</span><span>{count(card.purchases)}</span></div>
      {card.total_spend.map((s) => (
        <div className="lc-row" key={`s${s.currency_code}`}><span className="lc-muted">{t("card.spend")}</span><Money amount={s.amount} currency={s.currency_code} /></div>
      ))}
      {card.cashback_received.map((s) => (
        <div className="lc-row" key={`c${s.currency_code}`}><span className="lc-muted">{t("card.cashback")}</span><Money amount={s.amount} currency={s.currency_code} /></div>
      ))}
      {card.balances.map((b) => (
        <div className="lc-row" key={`b${b.currency_code}`}><span className="lc-muted">{t("card.balance")}</span><Money amount={b.available} currency={b.currency_code} /></div>
      ))}
      {card.last_visit ? <div className="lc-row"><span className="lc-muted">{t("card.last_visit")}</span><span>{date(card.last_visit)}</span></div> : null}
    </section>
  )
}

export function SmsPreferences({ className }: { className?: string }) {
  const { t, client } = useLoyalty()
  const { data } = useLoyaltyQuery("sms", (c) => c.sms.get())
  const [saved, setSaved] = useState<SmsPreference | null>(null)
  const [busy, setBusy] = useState(false)
  // What the route answered to the last change is what the switches show:
  // a read racing the write cannot put the old choice back on screen.
  const pref: SmsPreference | undefined = saved ?? data?.sms_preference
  const update = async (change: Partial<SmsPreference>) => {
    setBusy(true)
    try {
      const { sms_preference } = await client.sms.update(change)
      setSaved(sms_preference)
    } finally {
      setBusy(false)
    }
  }
  if (!pref) return null
  return (
    <section className={cx("lc lc-card", className)} data-loyalty="sms-preferences">
      <h3 className="lc-title">{t("sms.title")}</h3>
      <label className="lc-switch">
        <input type="checkbox" role="switch" checked={!pref.opted_out} disabled={busy} onChange={(e) => update({ opted_out: !e.target.checked })} />
        <span>{t("sms.receive")}</span>
      </label>
      {"promotions_opted_out" in pref ? (
        <label className="lc-switch">
          <input
            type="checkbox"
            role="switch"
            checked={!pref.promotions_opted_out}
            disabled={busy || pref.opted_out}
            onChange={(e) => update({ promotions_opted_out: !e.target.checked })}
          />
          <span>{t("sms.promotions")}</span>
        </label>
      ) : null}
      <label className="lc-row">
        <span>{t("sms.language")}</span>
        <select className="lc-input" style={{ width: "auto" }} value={pref.locale ?? ""} disabled={busy} onChange={(e) => update({ locale: e.target.value || null })}>
          <option value="">{t("sms.language.default")}</option>
          <option value="fa">فارسی</option>
          <option value="en">English</option>
        </select>
      </label>
      {saved ? (
        <span className="lc-muted" role="status">
          {t("sms.saved")}
        </span>
      ) : null}
    </section>
  )
}

export function GiftList({ className }: { className?: string }) {
  const { t, date, locale, sep } = useLoyalty()
  const { data } = useGifts()
  const gifts: Gift[] = data?.gifts ?? []
  return (
    <section className={cx("lc lc-card", className)} data-loyalty="gifts">
      <h3 className="lc-title">{t("gifts.title")}</h3>
      {!gifts.length ? (
        <span className="lc-muted">{t("gifts.empty")}</span>
      ) : (
        <ul className="lc-list">
          {gifts.map((g) => (
            <li key={g.id}>
              <div>
                {g.code ? <bdi className="lc-code">{g.code}</bdi> : g.amount ? <Money amount={g.amount} currency={g.currency_code ?? "irr"} /> : null}
                <div className="lc-muted">
                  {g.discount?.discount_type === "percentage" ? t("gifts.percent", { value: localDigits(g.discount.value, locale) }) : null}
                  {g.discount?.discount_type === "fixed" ? <Money amount={g.discount.value} currency={g.discount.currency_code ?? "irr"} /> : null}
                  {g.expires_at ? `${sep}${t("gifts.until", { date: date(g.expires_at) })}` : ""}
                </div>
              </div>
              <span className="lc-badge">{t(`gifts.state.${g.state}` as MessageKey)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function ReferralWidget({ currency = "irr", className }: { currency?: string; className?: string }) {
  const { t, count } = useLoyalty()
  const { data } = useReferral()
  const [copied, setCopied] = useState(false)
  const me: ReferralMe | undefined = data
  if (!me) return null
  if (!me.enabled) {
    return (
      <section className={cx("lc lc-card", className)} data-loyalty="referral">
        <h3 className="lc-title">{t("referral.title")}</h3>
        <span className="lc-muted">{t("referral.off")}</span>
      </section>
    )
  }
  const reward = me.program.referrer_credit?.[currency]
  return (
    <section className={cx("lc lc-card", className)} data-loyalty="referral">
      <h3 className="lc-title">{t("referral.title")}</h3>
      <div className="lc-row">
        <span className="lc-muted">{t("referral.code")}</span>
        <bdi className="lc-code">{me.code}</bdi>
      </div>
      {reward ? <span><Sentence k="referral.reward" values={{ amount: <Money amount={reward} currency={currency} /> }} /></span> : null}
      <span className="lc-muted">{t("referral.stats", { joined: count(me.stats.joined), rewarded: count(me.stats.rewarded) })}</span>
      <button
        type="button"
        className="lc-button"
        onClick={() => navigator.clipboard?.writeText(me.link).then(() => setCopied(true), () => undefined)}
      >
        {copied ? t("referral.copied") : t("referral.copy")}
      </button>
    </section>
  )
}

/** Join the club by phone: the code is texted, then typed here. */
export function PhoneSignUp({ onJoined, className, hint }: { onJoined?: (card: ClubCardData) => void; className?: string; hint?: (phone: string) => ReactNode }) {
  const { t, client, refresh } = useLoyalty()
  const [phone, setPhone] = useState("")
  const [code, setCode] = useState("")
  const [sent, setSent] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const step = async (fn: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError((e as Error)?.message || t("error.generic"))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      className={cx("lc lc-card", className)}
      data-loyalty="phone-sign-up"
      onSubmit={(e) => {
        e.preventDefault()
        step(async () => {
          if (!sent) {
            await client.signUp.sendCode(phone)
            setSent(true)
          } else {
            const { club_card } = await client.signUp.verify({ phone, code: code.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)) })
            refresh()
            onJoined?.(club_card)
          }
        })
      }}
    >
      <label>
        <span>{t("signup.phone")}</span>
        <input className="lc-input" name="phone" dir="ltr" inputMode="tel" autoComplete="tel" value={phone} disabled={sent} onChange={(e) => setPhone(e.target.value)} />
      </label>
      {sent ? (
        <>
          <span className="lc-muted" role="status">
            <Sentence k="signup.sent" values={{ phone: <bdi dir="ltr">{phone}</bdi> }} />
          </span>
          {hint ? hint(phone) : null}
          <label>
            <span>{t("signup.code")}</span>
            <input className="lc-input" name="code" dir="ltr" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
        </>
      ) : null}
      {error ? <div className="lc-note" data-tone="warning" role="alert">{error}</div> : null}
      <button className="lc-button" type="submit" disabled={busy || !phone || (sent && !code)}>
        {sent ? t("signup.verify") : t("signup.send")}
      </button>
    </form>
  )
}
