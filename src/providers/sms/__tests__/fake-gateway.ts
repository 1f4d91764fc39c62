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
  { status: number; body?: unknown; contentType?: string } | "hang"

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
    // Recorded as soon as it arrives, so a request the client gives up on
    // (a timeout) before its body is read still counts.
    const received: ReceivedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      rawBody: "",
      form: {},
      json: undefined,
    }
    requests.push(received)
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]
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
      Object.assign(received, {
        rawBody,
        form: Object.fromEntries(new URLSearchParams(rawBody)),
        json,
      })

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

// Stands for a message id in a body before it is written out: the id then
// goes on the wire as a bare JSON number of exactly its digits, as the real
// gateways write it (JSON.stringify would round a 19-digit id first).
const ID = "\u0000message-id\u0000"

function withBareId(body: unknown, id: string): string {
  if (!/^\d+$/.test(id)) {
    throw new Error(`a gateway message id is digits, not ${id}`)
  }
  return JSON.stringify(body).replace(JSON.stringify(ID), id)
}

/**
 * The replies of the real gateways (see the SMS gateway reference), success
 * and failure, with the HTTP status each one answers. Ids are given as
 * digits and written as bare JSON numbers where the gateway sends numbers.
 */
export const gatewayReplies = {
  kavenegar: {
    sent: (
      messageid: string,
      text = "",
      receptor = "09121234567"
    ): FakeReply => ({
      status: 200,
      body: withBareId(
        {
          return: { status: 200, message: "تایید شد" },
          entries: [
            {
              messageid: ID,
              message: text,
              status: 1,
              statustext: "در صف ارسال",
              sender: "10004346",
              receptor,
              date: 1356619709,
              cost: 120,
            },
          ],
        },
        messageid
      ),
    }),
    /**
     * A refusal: `return.status` is Kavenegar's code. Unverified whether the
     * HTTP status repeats it or is 200; tests try both.
     */
    refused: (
      status: number,
      message: string,
      httpStatus = status
    ): FakeReply => ({
      status: httpStatus,
      body: { return: { status, message }, entries: null },
    }),
  },
  smsir: {
    bulkSent: (messageId: string): FakeReply => ({
      status: 200,
      body: withBareId(
        {
          status: 1,
          message: "موفق",
          data: { packId: "b7a3c1e0-pack", messageIds: [ID], cost: 1 },
        },
        messageId
      ),
    }),
    verifySent: (messageId: string): FakeReply => ({
      status: 200,
      body: withBareId(
        { status: 1, message: "موفق", data: { messageId: ID, cost: 1 } },
        messageId
      ),
    }),
  },
  melipayamak: {
    consoleSent: (recId: string): FakeReply => ({
      status: 200,
      body: withBareId({ recId: ID, status: "ارسال موفق بود" }, recId),
    }),
    /** REST `Value` is a JSON string: a message id, or an error code. */
    rest: (Value: string, RetStatus = 1, StrRetStatus = "Ok"): FakeReply => ({
      status: 200,
      body: { Value, RetStatus, StrRetStatus },
    }),
  },
  ghasedak: {
    // Unverified: whether messageId is a JSON number or string; a number is
    // the harder case.
    singleSent: (messageId: string): FakeReply => ({
      status: 200,
      body: withBareId(
        {
          isSuccess: true,
          statusCode: 200,
          message: "با موفقیت انجام شد",
          data: {
            lineNumber: "30005088",
            receptor: "09121234567",
            cost: 1,
            messageId: ID,
            sendDate: "2025-01-01T10:00:00",
          },
        },
        messageId
      ),
    }),
  },
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
