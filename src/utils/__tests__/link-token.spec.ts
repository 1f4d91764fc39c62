import { signLinkToken, verifyLinkToken } from "../link-token"

const SECRET = "receipt-secret-for-tests"
const NOW = new Date("2026-11-29T12:00:00Z")
const LATER = new Date("2026-12-29T12:00:00Z")
const ORDER = "order_01JDQ8Z5B7W3K9M2N4P6R8T0VX"

const sign = (id = ORDER, expires_at = LATER, kind = "receipt", secret = SECRET) =>
  signLinkToken({ kind, id, expires_at }, secret)

describe("link tokens", () => {
  describe("signLinkToken", () => {
    it("should make an order's token 51 URL-safe characters", () => {
      const token = sign()
      expect(token).toMatch(/^[A-Za-z0-9_-]{51}$/)
    })

    it("should read back the id and the expiry (to the second)", () => {
      expect(verifyLinkToken(sign(), { kind: "receipt", secret: SECRET, now: NOW })).toEqual({
        ok: true,
        id: ORDER,
        expires_at: LATER,
      })
    })

    it("should carry ids that are not ULIDs as they are", () => {
      const token = sign("cus_42-ÄÖ")
      expect(verifyLinkToken(token, { kind: "receipt", secret: SECRET, now: NOW })).toMatchObject({
        ok: true,
        id: "cus_42-ÄÖ",
      })
    })

    it("should refuse an empty id or one over 127 bytes", () => {
      expect(() => sign("")).toThrow("1 to 127 bytes, got 0")
      expect(() => sign("x".repeat(128))).toThrow("1 to 127 bytes, got 128")
    })
  })

  describe("verifyLinkToken", () => {
    const check = (token: unknown, options: Partial<{ kind: string; secret: string; now: Date }> = {}) =>
      verifyLinkToken(token, { kind: "receipt", secret: SECRET, now: NOW, ...options })

    it("should call a token with any one character changed forged or malformed, never valid", () => {
      const token = sign()
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
      for (let i = 0; i < token.length; i++) {
        const other = alphabet[(alphabet.indexOf(token[i]) + 1) % alphabet.length]
        const altered = token.slice(0, i) + other + token.slice(i + 1)
        const result = check(altered)
        expect(result.ok).toBe(false)
        expect(["forged", "malformed"]).toContain((result as any).reason)
      }
    })

    it("should call a token with a later expiry written in forged, not expired", () => {
      const bytes = Buffer.from(sign(ORDER, NOW), "base64url")
      bytes.writeUInt32BE(bytes.readUInt32BE(0) + 86400 * 365, 0)
      expect(check(bytes.toString("base64url"))).toEqual({ ok: false, reason: "forged" })
    })

    it("should call a token past its expiry expired", () => {
      const token = sign(ORDER, new Date(NOW.getTime() - 1000))
      expect(check(token)).toEqual({ ok: false, reason: "expired" })
      expect(check(sign(ORDER, NOW))).toEqual({ ok: false, reason: "expired" })
    })

    it("should refuse a token made with another secret or for another kind of link", () => {
      expect(check(sign(ORDER, LATER, "receipt", "another-secret"))).toEqual({ ok: false, reason: "forged" })
      expect(check(sign(ORDER, LATER, "transfer"))).toEqual({ ok: false, reason: "forged" })
      expect(check(sign(), { secret: "" })).toEqual({ ok: false, reason: "malformed" })
    })

    it("should refuse a truncated token", () => {
      const token = sign()
      for (const cut of [1, 2, 5, 20, 40, 50]) {
        expect(check(token.slice(0, cut)).ok).toBe(false)
      }
      expect(check(token.slice(0, -1)).ok).toBe(false)
    })

    it("should answer malformed for giant, empty, non-base64 and non-string input without throwing", () => {
      expect(check("A".repeat(10_000_000))).toEqual({ ok: false, reason: "malformed" })
      expect(check("")).toEqual({ ok: false, reason: "malformed" })
      expect(check("abc$def")).toEqual({ ok: false, reason: "malformed" })
      expect(check(sign() + "=")).toEqual({ ok: false, reason: "malformed" })
      expect(check("<script>alert(1)</script>")).toEqual({ ok: false, reason: "malformed" })
      for (const value of [undefined, null, 42, {}, ["a"]]) {
        expect(check(value)).toEqual({ ok: false, reason: "malformed" })
      }
    })
  })
})
