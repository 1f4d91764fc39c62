import { createServer, IncomingHttpHeaders, Server } from "node:http"
import { AddressInfo } from "node:net"

export type ReceivedRequest = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  rawBody: string
  /** The body read as application/x-www-form-urlencoded. */
  form: Record<string, string>
  /** The body read as JSON, when it is JSON. */
  json: any
}

/** What the fake answers; "hang" never answers (for timeouts). */
export type FakeReply =
  | { status: number; body?: unknown; contentType?: string }
  | "hang"

export type FakeGateway = {
  url: string
  requests: ReceivedRequest[]
  close: () => Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1 that answers the nth request with the nth
 * reply (the last one repeats), recording every request exactly as received.
 */
export async function startFakeGateway(
  replies: FakeReply[]
): Promise<FakeGateway> {
  const requests: ReceivedRequest[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk) => chunks.push(chunk))
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8")
      let json: any
      try {
        json = JSON.parse(rawBody)
      } catch {
        json = undefined
      }
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        rawBody,
        form: Object.fromEntries(new URLSearchParams(rawBody)),
        json,
      })

      const reply = replies[Math.min(requests.length - 1, replies.length - 1)]
      if (reply === "hang") {
        return
      }
      const payload =
        reply.body === undefined
          ? ""
          : typeof reply.body === "string"
            ? reply.body
            : JSON.stringify(reply.body)
      res.writeHead(reply.status, {
        "Content-Type": reply.contentType ?? "application/json; charset=utf-8",
      })
      res.end(payload)
    })
  })

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // A "hang" reply leaves its socket open; close() alone would wait.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type FakeLogger = {
  lines: string[]
  info: (message: string) => void
  warn: (message: string) => void
  error: (message: string) => void
  debug: (message: string) => void
  [method: string]: any
}

/** Collects every line the provider logs, at any level. */
export function createFakeLogger(): FakeLogger {
  const lines: string[] = []
  const record =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push(
        `${level} ${args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" ")}`
      )
    }
  return new Proxy({ lines } as FakeLogger, {
    get: (target, property: string) =>
      property === "lines" ? target.lines : record(property),
  })
}
