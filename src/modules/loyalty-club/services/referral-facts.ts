import { Context } from "@medusajs/framework/types"
import { normalizePhone } from "../../../utils/phone"
import { normalizeAddress, normalizeEmail } from "../../../utils/referrals"
import { sql, SqlManager } from "./sql"

/** What the fraud rules of a claim read about one side. */
export type ReferralSideFacts = {
  id: string
  first_name: string | null
  /** Normalised (see normalizeEmail). */
  email: string | null
  /** E.164: the club's phone rows first (oldest first), then the account's phone. */
  phones: string[]
  /** The club's phone rows alone: phones proven by a one-time code or given at a till. */
  club_phones: string[]
  /** Saved addresses as keys (see normalizeAddress). */
  addresses: string[]
}

export type ReferralClaimFacts = {
  referrer: ReferralSideFacts | null
  friend: ReferralSideFacts | null
  /** The friend has an order, or an order carries their normalised e-mail. */
  friend_ordered: boolean
  /** A phone of the friend is another customer's (club phone or account), or another friend's at a referral. */
  friend_phone_seen: boolean
  /** Referrals claimed from this client address / device since `since`. */
  from_address: number
  from_device: number
}

const json = (values: unknown[]) => JSON.stringify(values)
const IN_JSON = `(SELECT jsonb_array_elements_text(?::jsonb))`

function phoneOrNull(phone: unknown): string | null {
  try {
    return typeof phone === "string" && phone ? normalizePhone(phone) : null
  } catch {
    return null
  }
}

/**
 * The referral fraud checks' reads: who the two sides of a claim are
 * (phones, e-mails, addresses, normalised), whether the friend ordered or
 * their phone is known, how many claims came from one address or device,
 * and where a referrer is known to live. Reads core's customer, address and
 * order tables and the club's phone and referral tables; writes nothing.
 */
export class ReferralFactsRoom {
  /**
   * What the fraud rules of a claim read: both sides' names, normalised
   * e-mails, phones and saved addresses; whether the friend ordered before
   * (as a customer, or by e-mail as a guest); whether the friend's phone is
   * known elsewhere; and the claims from the same client address and
   * device since `since` (the start of the shop day).
   */
  async claimFacts(
    data: { referrer_id: string; friend_id: string; ip?: string | null; device_id?: string | null; since: Date },
    sharedContext: Context
  ): Promise<ReferralClaimFacts> {
    const manager = sql(sharedContext)
    const ids = [data.referrer_id, data.friend_id]
    // One after the other: inside a caller's transaction they share its connection.
    const customers = await manager.execute(
      `SELECT id, first_name, email, phone FROM customer WHERE deleted_at IS NULL AND id IN ${IN_JSON}`,
      [json(ids)]
    )
    const phones = await manager.execute(
      `SELECT customer_id, phone FROM loyalty_member_phone
       WHERE deleted_at IS NULL AND customer_id IN ${IN_JSON} ORDER BY created_at`,
      [json(ids)]
    )
    const addresses = await manager.execute(
      `SELECT customer_id, address_1, postal_code FROM customer_address
       WHERE deleted_at IS NULL AND customer_id IN ${IN_JSON}`,
      [json(ids)]
    )
    const [sources] = await manager.execute(
      `SELECT
         (SELECT count(*)::int FROM loyalty_referral
          WHERE ?::text IS NOT NULL AND ip = ? AND created_at >= ?::timestamptz AND deleted_at IS NULL) AS from_address,
         (SELECT count(*)::int FROM loyalty_referral
          WHERE ?::text IS NOT NULL AND device_id = ? AND created_at >= ?::timestamptz AND deleted_at IS NULL) AS from_device`,
      [
        data.ip ?? null,
        data.ip ?? null,
        data.since.toISOString(),
        data.device_id ?? null,
        data.device_id ?? null,
        data.since.toISOString(),
      ]
    )
    const side = (id: string): ReferralSideFacts | null => {
      const customer = customers.find((c: any) => c.id === id)
      if (!customer) {
        return null
      }
      const own = phones.filter((p: any) => p.customer_id === id).map((p: any) => p.phone as string)
      const account = phoneOrNull(customer.phone)
      return {
        id,
        first_name: customer.first_name ?? null,
        email: normalizeEmail(customer.email),
        phones: Array.from(new Set([...own, ...(account ? [account] : [])])),
        club_phones: own,
        addresses: Array.from(
          new Set(
            addresses
              .filter((a: any) => a.customer_id === id)
              .map((a: any) => normalizeAddress(a.address_1, a.postal_code))
              .filter((k: string | null): k is string => !!k)
          )
        ),
      }
    }
    const referrer = side(data.referrer_id)
    const friend = side(data.friend_id)
    return {
      referrer,
      friend,
      friend_ordered: friend ? await this.friendOrdered(manager, friend) : false,
      friend_phone_seen: friend ? await this.phoneSeen(manager, friend) : false,
      from_address: sources?.from_address ?? 0,
      from_device: sources?.from_device ?? 0,
    }
  }

  // Any order of the friend, or any order (a guest's) whose e-mail reads as
  // theirs once normalised. The domain narrows the scan before the
  // normalised comparison (unescaped: a `_` in it only widens the
  // narrowing, the comparison decides).
  private async friendOrdered(manager: SqlManager, friend: ReferralSideFacts): Promise<boolean> {
    const domain = friend.email ? friend.email.slice(friend.email.lastIndexOf("@") + 1) : null
    const [row] = await manager.execute(
      `SELECT EXISTS (
         SELECT 1 FROM "order" o
         WHERE o.deleted_at IS NULL AND o.is_draft_order = false AND (
           o.customer_id = ?
           OR (?::text IS NOT NULL AND o.email IS NOT NULL
             AND lower(o.email) LIKE ('%@' || ?::text)
             AND replace(split_part(split_part(lower(o.email), '@', 1), '+', 1), '.', '') || '@'
               || split_part(lower(o.email), '@', 2) = ?)
         )
       ) AS ordered`,
      [friend.id, domain, domain, friend.email]
    )
    return !!row?.ordered
  }

  // A phone of the friend held by another customer (the club's phone table,
  // or an account's phone, matched loosely on its last seven digits then
  // exactly once normalised), or named as another friend's at a referral.
  private async phoneSeen(manager: SqlManager, friend: ReferralSideFacts): Promise<boolean> {
    if (!friend.phones.length) {
      return false
    }
    const [row] = await manager.execute(
      `SELECT EXISTS (
           SELECT 1 FROM loyalty_member_phone
           WHERE deleted_at IS NULL AND customer_id <> ? AND phone IN ${IN_JSON})
         OR EXISTS (
           SELECT 1 FROM loyalty_referral
           WHERE deleted_at IS NULL AND friend_id <> ? AND friend_phone IN ${IN_JSON}) AS seen`,
      [friend.id, json(friend.phones), friend.id, json(friend.phones)]
    )
    if (row?.seen) {
      return true
    }
    const suffixes = Array.from(new Set(friend.phones.map((p) => p.slice(-7))))
    const candidates = await manager.execute(
      `SELECT phone FROM customer
       WHERE deleted_at IS NULL AND id <> ? AND phone IS NOT NULL
         AND right(regexp_replace(translate(phone, '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩', '01234567890123456789'), '[^0-9]', '', 'g'), 7)
           IN ${IN_JSON}
       LIMIT 500`,
      [friend.id, json(suffixes)]
    )
    const mine = new Set(friend.phones)
    return candidates.some((c: any) => {
      const phone = phoneOrNull(c.phone)
      return !!phone && mine.has(phone)
    })
  }

  /**
   * The addresses a referrer is known at, as keys: their saved addresses and
   * the shipping addresses of their last 50 orders.
   */
  async referrerAddressKeys(referrerId: string, sharedContext: Context): Promise<string[]> {
    const rows = await sql(sharedContext).execute(
      `SELECT address_1, postal_code FROM customer_address WHERE customer_id = ? AND deleted_at IS NULL
       UNION ALL
       SELECT a.address_1, a.postal_code FROM (
         SELECT shipping_address_id FROM "order"
         WHERE customer_id = ? AND deleted_at IS NULL AND shipping_address_id IS NOT NULL
         ORDER BY created_at DESC LIMIT 50
       ) o JOIN order_address a ON a.id = o.shipping_address_id AND a.deleted_at IS NULL`,
      [referrerId, referrerId]
    )
    return Array.from(
      new Set(rows.map((a: any) => normalizeAddress(a.address_1, a.postal_code)).filter((k: string | null): k is string => !!k))
    )
  }
}
