// What a shopper sees of their wallets: not why or by whom the shop froze
// one (the admin's note and user id stay in the admin API).
export const storeWalletFields = [
  "id",
  "customer_id",
  "currency_code",
  "status",
  "metadata",
  "created_at",
  "updated_at",
]

export const storeListWalletsQueryConfig = {
  defaults: storeWalletFields,
  allowed: storeWalletFields,
  isList: true,
}
