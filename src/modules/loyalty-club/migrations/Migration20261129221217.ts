import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129221217 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_birthday" ("id" text not null, "customer_id" text not null, "calendar" text check ("calendar" in ('jalali', 'gregorian')) not null, "month" integer not null, "day" integer not null, "set_by" text not null, "changed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_birthday_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_birthday_deleted_at" ON "loyalty_birthday" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_birthday_customer" ON "loyalty_birthday" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_birthday_day" ON "loyalty_birthday" ("calendar", "month", "day") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_code" ("id" text not null, "batch_id" text not null, "code" text not null, "promotion_id" text null, "customer_id" text null, "expires_at" timestamptz null, "source" text not null default 'bulk', "source_id" text null, "disabled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_code_deleted_at" ON "loyalty_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_code_code" ON "loyalty_code" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_code_promotion" ON "loyalty_code" ("promotion_id") WHERE deleted_at IS NULL AND promotion_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_code_batch" ON "loyalty_code" ("batch_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_code_customer" ON "loyalty_code" ("customer_id") WHERE deleted_at IS NULL AND customer_id IS NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_code_source" ON "loyalty_code" ("source", "source_id") WHERE deleted_at IS NULL AND source_id IS NOT NULL;`);

    this.addSql(`create table if not exists "loyalty_code_batch" ("id" text not null, "name" text not null, "kind" text check ("kind" in ('bulk', 'personal')) not null default 'bulk', "status" text check ("status" in ('creating', 'active', 'disabled', 'failed')) not null default 'active', "campaign_id" text null, "discount_type" text check ("discount_type" in ('percentage', 'fixed')) not null, "target" text check ("target" in ('items', 'order', 'shipping')) not null default 'order', "value" numeric not null, "currency_code" text null, "max_discount" jsonb null, "min_basket" jsonb null, "starts_at" timestamptz null, "ends_at" timestamptz null, "valid_days" integer null, "product_ids" jsonb null, "category_ids" jsonb null, "customer_group_ids" jsonb null, "prefix" text null, "quantity" integer not null default 0, "issued" integer not null default 0, "error" text null, "created_by" text null, "disabled_at" timestamptz null, "metadata" jsonb null, "raw_value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_code_batch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_code_batch_deleted_at" ON "loyalty_code_batch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_code_batch_status" ON "loyalty_code_batch" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_code_use" ("id" text not null, "code_id" text not null, "batch_id" text not null, "order_id" text not null, "customer_id" text null, "currency_code" text not null, "discount" numeric not null default 0, "order_total" numeric not null default 0, "used_at" timestamptz not null, "released_at" timestamptz null, "raw_discount" jsonb not null default '{"value":"0","precision":20}', "raw_order_total" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_code_use_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_code_use_deleted_at" ON "loyalty_code_use" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_code_use_code_order" ON "loyalty_code_use" ("code_id", "order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_code_use_order" ON "loyalty_code_use" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_code_use_batch" ON "loyalty_code_use" ("batch_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_occasion" ("id" text not null, "kind" text check ("kind" in ('birthday', 'membership_anniversary', 'first_order_anniversary', 'nowruz', 'yalda', 'win_back', 'welcome')) not null, "enabled" boolean not null default false, "gift_type" text check ("gift_type" in ('none', 'code', 'credit')) not null default 'none', "batch_id" text null, "credit_amount" jsonb null, "credit_valid_days" integer null, "days_before" integer not null default 0, "after_days" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_occasion_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_occasion_deleted_at" ON "loyalty_occasion" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_occasion_kind" ON "loyalty_occasion" ("kind") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_occasion_grant" ("id" text not null, "kind" text not null, "customer_id" text not null, "period" text not null, "occasion_date" text not null, "gift_type" text not null default 'none', "code_id" text null, "transaction_id" text null, "currency_code" text null, "amount" numeric null, "outcome" text not null default 'granted', "raw_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_occasion_grant_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_occasion_grant_deleted_at" ON "loyalty_occasion_grant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_occasion_grant_key" ON "loyalty_occasion_grant" ("kind", "customer_id", "period") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_occasion_grant_customer" ON "loyalty_occasion_grant" ("customer_id") WHERE deleted_at IS NULL;`);

    // The win-back message becomes the win-back occasion: its days and
    // whether the shop had it on carry over (default: off, 60 days).
    this.addSql(`insert into "loyalty_occasion" ("id", "kind", "enabled", "gift_type", "after_days")
      select 'locc_win_back', 'win_back',
        coalesce((select (s."sms_events"->>'win_back')::boolean from "loyalty_settings" s where s."deleted_at" is null order by s."created_at" limit 1), false),
        'none',
        coalesce((select s."win_back_days" from "loyalty_settings" s where s."deleted_at" is null order by s."created_at" limit 1), 60)
      where not exists (select 1 from "loyalty_occasion" where "kind" = 'win_back' and "deleted_at" is null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_birthday" cascade;`);

    this.addSql(`drop table if exists "loyalty_code" cascade;`);

    this.addSql(`drop table if exists "loyalty_code_batch" cascade;`);

    this.addSql(`drop table if exists "loyalty_code_use" cascade;`);

    this.addSql(`drop table if exists "loyalty_occasion" cascade;`);

    this.addSql(`drop table if exists "loyalty_occasion_grant" cascade;`);
  }

}
