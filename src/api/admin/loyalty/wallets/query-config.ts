export const walletFields = [
  "id",
  "customer_id",
  "currency_code",
  "status",
  "status_reason",
  "status_changed_at",
  "status_changed_by",
  "metadata",
  "created_at",
  "updated_at",
]

export const listWalletsQueryConfig = {
  defaults: walletFields,
  isList: true,
}

export const retrieveWalletQueryConfig = {
  defaults: walletFields,
  isList: false,
}

export const listWalletTransactionsQueryConfig = {
  defaults: ["id"],
  isList: true,
}
