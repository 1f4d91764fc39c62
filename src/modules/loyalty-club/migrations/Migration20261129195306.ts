import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129195306 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_transaction_checkout_debit_created" ON "loyalty_wallet_transaction" ("created_at") WHERE reference = 'cart' AND type = 'debit' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_loyalty_wallet_transaction_checkout_debit_created";`);
  }

}
