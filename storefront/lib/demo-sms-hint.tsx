"use client"
// The demo store's phone: `npm run dev` (and the storefront test) send the
// store's SMS to a local inbox instead of a gateway, and this hint shows the
// code that was texted. It exists only when the storefront server was given
// that inbox (DEMO_SMS_INBOX_URL); a real shop has none, and the route
// answers 404.
import { useEffect, useState } from "react"
import { useShop } from "./shop"

export function DemoSmsHint({ phone }: { phone: string }) {
  const { t, locale } = useShop()
  const [code, setCode] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    const poll = async () => {
      for (let i = 0; i < 90 && live; i++) {
        const res = await fetch(`/api/demo-sms?phone=${encodeURIComponent(phone)}`).catch(() => null)
        if (!res || res.status === 404) return
        const body = await res.json().catch(() => null)
        if (body?.code) return live && setCode(body.code)
        await new Promise((r) => setTimeout(r, 1000))
      }
    }
    poll()
    return () => {
      live = false
    }
  }, [phone])
  if (!code) return null
  return (
    <p className="hint" data-test="demo-code">
      {t("demo_hint")} <bdi dir="ltr">{locale === "fa" ? code.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]) : code}</bdi>
    </p>
  )
}
