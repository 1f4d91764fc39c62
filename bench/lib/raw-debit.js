const { randomUUID } = require("crypto")

const id = (prefix) => `${prefix}_${randomUUID().replace(/-/g, "").toUpperCase()}`
const raw = (v) => JSON.stringify({ value: String(v), precision: 20 })

// The same debit as the plugin's, in plain SQL: lock the wallet, lock its
// spendable lots soonest-to-expire first, take from them, write the ledger
// row and the allocations.
async function rawDebit(pool, walletId, amount, refId) {
  const client = await pool.connect()
  try {
    await client.query("BEGIN")
    await client.query("SELECT id FROM loyalty_wallet WHERE id = $1 FOR UPDATE", [walletId])
    const { rows: lots } = await client.query(
      `SELECT id, remaining FROM loyalty_wallet_lot
       WHERE wallet_id = $1 AND remaining > 0 AND expired_at IS NULL AND deleted_at IS NULL
         AND (available_at IS NULL OR available_at <= now()) AND (expires_at IS NULL OR expires_at > now())
       ORDER BY expires_at ASC NULLS LAST, created_at ASC, id ASC FOR UPDATE`,
      [walletId]
    )
    let left = BigInt(amount)
    const takes = []
    for (const lot of lots) {
      if (left <= 0n) break
      const have = BigInt(lot.remaining)
      const take = have < left ? have : left
      takes.push([lot.id, take])
      left -= take
    }
    if (left > 0n) throw new Error("insufficient")
    const txId = id("lwtx")
    await client.query(
      `INSERT INTO loyalty_wallet_transaction (id, wallet_id, type, amount, raw_amount, reference, reference_id, created_at, updated_at)
       VALUES ($1, $2, 'debit', $3, $4::jsonb, 'bench-raw', $5, clock_timestamp(), clock_timestamp())`,
      [txId, walletId, -amount, raw(-amount), refId]
    )
    for (const [lotId, take] of takes) {
      await client.query(
        `UPDATE loyalty_wallet_lot SET remaining = remaining - $2,
           raw_remaining = jsonb_build_object('value', (remaining - $2)::text, 'precision', 20), updated_at = now()
         WHERE id = $1`,
        [lotId, take.toString()]
      )
      await client.query(
        `INSERT INTO loyalty_wallet_lot_allocation (id, transaction_id, lot_id, amount, raw_amount, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, now(), now())`,
        [id("lwalc"), txId, lotId, take.toString(), raw(take)]
      )
    }
    await client.query("COMMIT")
  } catch (e) {
    await client.query("ROLLBACK")
    throw e
  } finally {
    client.release()
  }
}

module.exports = { rawDebit }
