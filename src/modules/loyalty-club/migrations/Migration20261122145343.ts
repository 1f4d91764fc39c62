import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122145343 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_cashback_rule" ("id" text not null, "name" text not null, "description" text null, "is_active" boolean not null default true, "priority" integer not null default 0, "currency_code" text null, "type" text check ("type" in ('percent', 'fixed')) not null, "value" numeric not null, "min_subtotal" numeric null, "max_amount" numeric null, "expires_after_days" integer null, "release" text check ("release" in ('placed', 'fulfilled', 'hold')) not null default 'placed', "hold_days" integer null, "scope" jsonb null, "customer_group_ids" jsonb null, "min_previous_orders" integer null, "tier_ids" jsonb null, "sales_channel_ids" jsonb null, "starts_at" timestamptz null, "ends_at" timestamptz null, "multiplier" jsonb null, "combination" text check ("combination" in ('best', 'stack')) not null default 'best', "metadata" jsonb null, "raw_value" jsonb not null, "raw_min_subtotal" jsonb null, "raw_max_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_cashback_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_cashback_rule_deleted_at" ON "loyalty_cashback_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_cashback_rule_active" ON "loyalty_cashback_rule" ("is_active", "currency_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_cashback_rule" cascade;`);
  }

}
