import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123195632 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_tier" drop constraint if exists "loyalty_tier_rank_unique";`);
    this.addSql(`alter table if exists "loyalty_customer_tier" drop constraint if exists "loyalty_customer_tier_customer_unique";`);
    this.addSql(`create table if not exists "loyalty_customer_tier" ("id" text not null, "customer_id" text not null, "tier_id" text null, "pinned" boolean not null default false, "pin_note" text null, "achieved_at" timestamptz null, "below_since" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_customer_tier_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_customer_tier_deleted_at" ON "loyalty_customer_tier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_customer_tier_customer_unique" ON "loyalty_customer_tier" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_customer_tier_tier" ON "loyalty_customer_tier" ("tier_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_tier" ("id" text not null, "name" text not null, "description" text null, "rank" integer not null, "currency_code" text not null, "min_spend" numeric null, "min_orders" integer null, "qualification_window" text check ("qualification_window" in ('rolling', 'calendar_year', 'lifetime')) not null default 'lifetime', "window_days" integer null, "cashback_rate" numeric null, "cashback_multiplier" numeric null, "metadata" jsonb null, "raw_min_spend" jsonb null, "raw_cashback_rate" jsonb null, "raw_cashback_multiplier" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_tier_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_tier_deleted_at" ON "loyalty_tier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_tier_rank_unique" ON "loyalty_tier" ("rank") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_tier_history" ("id" text not null, "customer_id" text not null, "from_tier_id" text null, "to_tier_id" text null, "reason" text check ("reason" in ('order', 'evaluation', 'pin', 'unpin', 'tier_deleted')) not null, "order_id" text null, "note" text null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_tier_history_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_tier_history_deleted_at" ON "loyalty_tier_history" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_tier_history_customer" ON "loyalty_tier_history" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_cashback_rule" add column if not exists "use_tier_rate" boolean not null default false, add column if not exists "use_tier_multiplier" boolean not null default false;`);

    this.addSql(`alter table if exists "loyalty_settings" add column if not exists "tier_grace_days" integer not null default 30;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_customer_tier" cascade;`);

    this.addSql(`drop table if exists "loyalty_tier" cascade;`);

    this.addSql(`drop table if exists "loyalty_tier_history" cascade;`);

    this.addSql(`alter table if exists "loyalty_cashback_rule" drop column if exists "use_tier_rate", drop column if exists "use_tier_multiplier";`);

    this.addSql(`alter table if exists "loyalty_settings" drop column if exists "tier_grace_days";`);
  }

}
