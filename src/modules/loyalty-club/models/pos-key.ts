import { model } from "@medusajs/framework/utils"

/**
 * A till's key for the `/pos/loyalty/*` routes: per location, with scopes
 * (`lookup`, `earn`, `redeem`). Only the SHA-256 of the key is stored; the
 * key itself is shown once, when created. A revoked key opens nothing.
 */
const PosKey = model
  .define(
    { name: "PosKey", tableName: "loyalty_pos_key" },
    {
      id: model.id({ prefix: "lposk" }).primaryKey(),
      name: model.text(),
      location: model.text(),
      scopes: model.json(),
      key_hash: model.text(),
      /** The first characters of the key, to tell keys apart in the admin. */
      key_prefix: model.text(),
      revoked_at: model.dateTime().nullable(),
      last_used_at: model.dateTime().nullable(),
      created_by: model.text().nullable(),
    }
  )
  .indexes([
    { name: "IDX_loyalty_pos_key_hash", on: ["key_hash"], unique: true, where: "deleted_at IS NULL" },
  ])

export default PosKey
