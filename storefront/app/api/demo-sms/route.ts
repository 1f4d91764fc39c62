// The demo phone's last one-time code for a number, read from the inbox
// that `npm run dev` or the storefront test runs (DEMO_SMS_INBOX_URL).
// Without that inbox this route does not exist for the shopper: a 404.
export const dynamic = "force-dynamic"

export async function GET(request: Request) {
  const inbox = process.env.DEMO_SMS_INBOX_URL
  if (!inbox) {
    return new Response("Not found", { status: 404 })
  }
  const phone = new URL(request.url).searchParams.get("phone") ?? ""
  const res = await fetch(`${inbox}/code?phone=${encodeURIComponent(phone)}`, { cache: "no-store" }).catch(() => null)
  if (!res || !res.ok) {
    return Response.json({ code: null })
  }
  return Response.json(await res.json())
}
