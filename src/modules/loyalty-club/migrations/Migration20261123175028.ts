import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123175028 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_settings" ("id" text not null, "clawback_strategy" text check ("clawback_strategy" in ('partial', 'force_negative', 'skip')) not null default 'partial', "include_credit_paid" boolean not null default false, "credit_pays_shipping" boolean not null default true, "max_credit_share" integer null, "min_redeem_balance" jsonb null, "auto_apply" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_settings_deleted_at" ON "loyalty_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_wallet_lot" add column if not exists "released_at" timestamptz null;`);
    // Rule usage in the admin: order cashback credits by rule (reference_id
    // is "<order_id>:<rule_id>"). An expression index, so written by hand.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_transaction_order_rule" ON "loyalty_wallet_transaction" (split_part(reference_id, ':', 2)) WHERE type = 'credit' AND reference = 'order' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_lot_unreleased" ON "loyalty_wallet_lot" ("available_at") WHERE released_at IS NULL AND available_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_transaction_reverses" ON "loyalty_wallet_transaction" ("reverses_id") WHERE reverses_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_settings" cascade;`);

    this.addSql(`drop index if exists "IDX_loyalty_wallet_transaction_order_rule";`);
    this.addSql(`drop index if exists "IDX_loyalty_wallet_lot_unreleased";`);
    this.addSql(`alter table if exists "loyalty_wallet_lot" drop column if exists "released_at";`);

    this.addSql(`drop index if exists "IDX_loyalty_wallet_transaction_reverses";`);
  }

}
