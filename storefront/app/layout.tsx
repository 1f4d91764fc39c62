import type { Locale } from "medusa-plugin-loyalty-club/storefront"
import { cookies } from "next/headers"
import type { ReactNode } from "react"
import { ShopProvider } from "../lib/shop"
import "./globals.css"

// The publishable key is read when a page is served, not when it is built:
// the same build runs against any store (`npm run dev` and the test pass
// the demo store's key in MEDUSA_PUBLISHABLE_KEY).
export const dynamic = "force-dynamic"

export const metadata = { title: "Loyalty Club demo" }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale: Locale = (await cookies()).get("lang")?.value === "en" ? "en" : "fa"
  return (
    <html lang={locale} dir={locale === "fa" ? "rtl" : "ltr"}>
      <body>
        <ShopProvider publishableKey={process.env.MEDUSA_PUBLISHABLE_KEY ?? ""} locale={locale}>
          {children}
        </ShopProvider>
      </body>
    </html>
  )
}
