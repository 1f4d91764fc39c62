// The demo store's phone. `npm run dev` and the storefront test point the
// store's SMS provider at this inbox (the plugin's `webhook` gateway) instead
// of a real gateway: it checks each message's signature as a shop's own
// receiver would, prints it as the `log` gateway does (one-time codes
// masked: a log outlives a code), and keeps the last messages per phone so
// the demo storefront can show the code that was texted. Development only:
// nothing of it is in the plugin's package.
const crypto = require("crypto")
const http = require("http")

const maskPhone = (e164) => (e164.length <= 8 ? `***${e164.slice(-2)}` : `${e164.slice(0, Math.min(6, e164.length - 7))}***${e164.slice(-4)}`)
const digitsOf = (phone) => String(phone).replace(/[^\d]/g, "").replace(/^0+/, "").replace(/^98/, "")

/**
 * Starts the inbox on `port` (0: any free one). Returns `{ url, secret,
 * env, messages, codeFor(phone), close() }`; `env` holds the store's
 * LOYALTY_SMS_* variables that send its SMS here.
 */
async function startSmsInbox({ port = 0, log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const secret = crypto.randomBytes(24).toString("hex")
  const messages = []
  const codeFor = (phone) => {
    const wanted = digitsOf(phone)
    const hit = [...messages].reverse().find((m) => digitsOf(m.to) === wanted && /\b\d{6}\b/.test(m.text ?? ""))
    return hit ? /\b(\d{6})\b/.exec(hit.text)[1] : null
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost")
    if (req.method === "GET" && url.pathname === "/code") {
      res.setHeader("content-type", "application/json")
      res.end(JSON.stringify({ code: codeFor(url.searchParams.get("phone") || "") }))
      return
    }
    if (req.method !== "POST") {
      res.statusCode = 404
      return res.end()
    }
    let raw = ""
    req.setEncoding("utf8")
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      const timestamp = req.headers["x-loyalty-timestamp"]
      const expected = `sha256=${crypto.createHmac("sha256", secret).update(`${timestamp}.${raw}`).digest("hex")}`
      const given = String(req.headers["x-loyalty-signature"] || "")
      if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
        res.statusCode = 401
        return res.end(JSON.stringify({ message: "bad signature" }))
      }
      const body = JSON.parse(raw)
      messages.push({ to: body.to, text: body.text, template: body.template, at: new Date() })
      if (messages.length > 500) messages.shift()
      const shown = body.text ? body.text.replace(/\b\d{6}\b/g, "######") : `template ${body.template}`
      log(`[sms] to ${maskPhone(String(body.to))}: ${shown}`)
      res.setHeader("content-type", "application/json")
      res.end(JSON.stringify({ id: body.id }))
    })
  })
  await new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", resolve)
  })
  const url = `http://127.0.0.1:${server.address().port}`
  return {
    url,
    secret,
    messages,
    codeFor,
    env: { LOYALTY_SMS_GATEWAY: "webhook", LOYALTY_SMS_URL: `${url}/sms`, LOYALTY_SMS_SECRET: secret },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

module.exports = { startSmsInbox }
