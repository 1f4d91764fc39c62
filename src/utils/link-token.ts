import { createHmac, timingSafeEqual } from "crypto"

/**
 * Signed tokens for public links sent by SMS (a receipt, a credit claim).
 * A token carries an entity id and an expiry, and a truncated HMAC-SHA256
 * over both and the link's kind, so a receipt token never opens a claim
 * page. Compact, because an SMS part holds 70 Persian characters:
 *
 *   payload = expiry (4 bytes, unix seconds) + id
 *   id      = 0x80 | prefix length, prefix, 16 bytes of ULID   (`order_01J...`)
 *           | byte length (< 0x80), UTF-8 bytes                 (any other id)
 *   token   = base64url(payload + first 12 bytes of the MAC)
 *
 * An order's token is 51 characters. Pure: the secret and the clock are
 * inputs.
 */

/** Bytes of the MAC kept: 96 bits, so a forgery takes 2^96 guesses. */
const MAC_BYTES = 12
/** Longer input is refused before any decoding (a link is about 51 characters). */
const MAX_TOKEN_LENGTH = 256
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const ULID_ID = /^([a-z0-9]{1,15})_([0-7][0-9A-HJKMNP-TV-Z]{25})$/
const BASE64URL = /^[A-Za-z0-9_-]+$/

export type LinkTokenInput = {
  /** What the link opens ("receipt", "transfer"): signed, never sent. */
  kind: string
  id: string
  expires_at: Date
}

export type LinkTokenResult =
  | { ok: true; id: string; expires_at: Date }
  | { ok: false; reason: "malformed" | "forged" | "expired" }

function ulidToBytes(ulid: string): Buffer {
  // 26 characters of 5 bits = 130 bits; the first holds 3 (at most "7").
  let value = 0n
  for (const char of ulid) {
    value = (value << 5n) | BigInt(CROCKFORD.indexOf(char))
  }
  const bytes = Buffer.alloc(16)
  for (let i = 15; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn)
    value >>= 8n
  }
  return bytes
}

function bytesToUlid(bytes: Buffer): string {
  let value = 0n
  for (const byte of bytes) {
    value = (value << 8n) | BigInt(byte)
  }
  let out = ""
  for (let i = 0; i < 26; i++) {
    out = CROCKFORD[Number(value & 31n)] + out
    value >>= 5n
  }
  return out
}

function encodeId(id: string): Buffer {
  const ulid = ULID_ID.exec(id)
  if (ulid) {
    const prefix = Buffer.from(ulid[1], "ascii")
    return Buffer.concat([Buffer.from([0x80 | prefix.length]), prefix, ulidToBytes(ulid[2])])
  }
  const raw = Buffer.from(id, "utf8")
  if (!raw.length || raw.length >= 0x80) {
    throw new Error(`A link token's id must be 1 to 127 bytes, got ${raw.length}`)
  }
  return Buffer.concat([Buffer.from([raw.length]), raw])
}

function decodeId(bytes: Buffer): string | null {
  if (!bytes.length) {
    return null
  }
  const head = bytes[0]
  if (head & 0x80) {
    const length = head & 0x7f
    if (!length || bytes.length !== 1 + length + 16) {
      return null
    }
    const prefix = bytes.subarray(1, 1 + length).toString("ascii")
    return /^[a-z0-9]+$/.test(prefix) ? `${prefix}_${bytesToUlid(bytes.subarray(1 + length))}` : null
  }
  return head && bytes.length === 1 + head ? bytes.subarray(1).toString("utf8") : null
}

function mac(kind: string, payload: Buffer, secret: string): Buffer {
  return createHmac("sha256", secret)
    .update(`${kind}\0`)
    .update(payload)
    .digest()
    .subarray(0, MAC_BYTES)
}

/** A token for a link to `id` that stops working at `expires_at`. */
export function signLinkToken(input: LinkTokenInput, secret: string): string {
  if (!secret) {
    throw new Error("A link token needs a secret")
  }
  const expiry = Buffer.alloc(4)
  expiry.writeUInt32BE(Math.max(0, Math.min(0xffffffff, Math.floor(input.expires_at.getTime() / 1000))))
  const payload = Buffer.concat([expiry, encodeId(input.id)])
  return Buffer.concat([payload, mac(input.kind, payload, secret)]).toString("base64url")
}

/**
 * Reads a token back: the id and expiry when its MAC is right for `kind`
 * and `secret` and it has not expired at `now`. Never throws: any input
 * (altered, cut short, huge, not base64) is an answer with a reason, so a
 * page can show a friendly message. A token is checked as forged before
 * it is checked as expired, so an altered date reads as altered.
 */
export function verifyLinkToken(
  token: unknown,
  { kind, secret, now = new Date() }: { kind: string; secret: string; now?: Date }
): LinkTokenResult {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH || !BASE64URL.test(token) || !secret) {
    return { ok: false, reason: "malformed" }
  }
  const bytes = Buffer.from(token, "base64url")
  // Base64url that does not round-trip (a stray last character) is not ours.
  if (bytes.length < 4 + 2 + MAC_BYTES || bytes.toString("base64url") !== token) {
    return { ok: false, reason: "malformed" }
  }
  const payload = bytes.subarray(0, bytes.length - MAC_BYTES)
  const given = bytes.subarray(bytes.length - MAC_BYTES)
  if (!timingSafeEqual(given, mac(kind, payload, secret))) {
    return { ok: false, reason: "forged" }
  }
  const id = decodeId(payload.subarray(4))
  if (id === null) {
    return { ok: false, reason: "malformed" }
  }
  const expiresAt = new Date(payload.readUInt32BE(0) * 1000)
  if (expiresAt.getTime() <= now.getTime()) {
    return { ok: false, reason: "expired" }
  }
  return { ok: true, id, expires_at: expiresAt }
}
