// Passes a request to Medusa. The storefront serves /store and /auth from
// its own origin (no CORS settings, the shopper's token stays first-party),
// and reads the store's address when a request comes, not when the
// storefront was built: one build runs against any store. A store that is
// not up yet is a 503 for that request alone.
const HOP_BY_HOP = new Set(["host", "connection", "content-length", "content-encoding", "transfer-encoding", "keep-alive"])

export async function proxy(request: Request): Promise<Response> {
  const backend = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
  const url = new URL(request.url)
  const headers = new Headers()
  request.headers.forEach((value, key) => {
    if (!HOP_BY_HOP.has(key)) headers.set(key, value)
  })
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer()
  let res: Response
  try {
    res = await fetch(`${backend}${url.pathname}${url.search}`, { method: request.method, headers, body, redirect: "manual", cache: "no-store" })
  } catch {
    return Response.json({ type: "unavailable", message: "The store is not up yet" }, { status: 503 })
  }
  const out = new Headers()
  res.headers.forEach((value, key) => {
    if (!HOP_BY_HOP.has(key)) out.set(key, value)
  })
  return new Response(res.status === 204 || res.status === 304 ? null : await res.arrayBuffer(), { status: res.status, headers: out })
}
