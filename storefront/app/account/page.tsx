"use client"
import {
  ClubCard,
  GiftList,
  PhoneSignUp,
  ReferralWidget,
  SmsPreferences,
  TierProgress,
  useClubCard,
  WalletBalance,
  WalletHistory,
} from "medusa-plugin-loyalty-club/storefront"
import { FormEvent, useState } from "react"
import { DemoSmsHint } from "../../lib/demo-sms-hint"
import { useShop } from "../../lib/shop"

export default function AccountPage() {
  const { customer, customerLoaded, t, logout } = useShop()
  if (!customerLoaded) return null
  if (!customer) return <AuthForms />
  return (
    <>
      <div className="row">
        <h1>{t("account")}</h1>
        <button type="button" className="link" onClick={logout}>
          {t("logout")}
        </button>
      </div>
      <Club />
    </>
  )
}

function Club() {
  const { t, customer } = useShop()
  const card = useClubCard()
  const key = `demo_joined:${customer!.id}`
  const [joined, setJoined] = useState(() => typeof window !== "undefined" && localStorage.getItem(key) === "1")
  // The demo remembers that this shopper proved a phone; a wallet or a
  // purchase on the card says so too.
  const member = joined || !!(card.data?.club_card && (card.data.club_card.purchases > 0 || card.data.club_card.balances.length > 0))
  return (
    <div className="cards">
      {!member ? (
        <div className="panel">
          <h2>{t("join_title")}</h2>
          <p className="muted">{t("join_intro")}</p>
          <PhoneSignUp
            onJoined={() => {
              localStorage.setItem(key, "1")
              setJoined(true)
            }} hint={(phone) => <DemoSmsHint phone={phone} />} />
        </div>
      ) : null}
      <ClubCard />
      <WalletBalance currency="irr" />
      <TierProgress />
      <SmsPreferences />
      <GiftList />
      <ReferralWidget currency="irr" />
      <WalletHistory currency="irr" />
    </div>
  )
}

function AuthForms() {
  const { sdk, t, reloadCustomer } = useShop()
  const [mode, setMode] = useState<"register" | "login">("register")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const email = String(form.get("email"))
    const password = String(form.get("password"))
    setBusy(true)
    setError(null)
    try {
      if (mode === "register") {
        await sdk.auth.register("customer", "emailpass", { email, password })
        await sdk.store.customer.create({ email, first_name: String(form.get("first_name") || "") })
      }
      await sdk.auth.login("customer", "emailpass", { email, password })
      await reloadCustomer()
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="panel" onSubmit={submit} data-test={`${mode}-form`}>
      <h1>{mode === "register" ? t("register_title") : t("login_title")}</h1>
      {mode === "register" ? (
        <label className="field">
          {t("first_name")}
          <input name="first_name" autoComplete="given-name" />
        </label>
      ) : null}
      <label className="field">
        {t("email")}
        <input name="email" type="email" dir="ltr" autoComplete="email" required />
      </label>
      <label className="field">
        {t("password")}
        <input name="password" type="password" dir="ltr" autoComplete={mode === "register" ? "new-password" : "current-password"} required minLength={8} />
      </label>
      {error ? <p className="notice" role="alert">{error}</p> : null}
      <button className="button" disabled={busy}>
        {mode === "register" ? t("register") : t("login")}
      </button>
      <button type="button" className="link" onClick={() => setMode(mode === "register" ? "login" : "register")}>
        {mode === "register" ? t("have_account") : t("no_account")}
      </button>
    </form>
  )
}
