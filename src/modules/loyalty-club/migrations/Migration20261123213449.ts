import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123213449 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_one_time_code" ("id" text not null, "phone" text not null, "purpose" text check ("purpose" in ('signup', 'redeem')) not null, "code_hash" text not null, "expires_at" timestamptz not null, "attempts" integer not null default 0, "consumed_at" timestamptz null, "ip" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_one_time_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_one_time_code_deleted_at" ON "loyalty_one_time_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_one_time_code_phone" ON "loyalty_one_time_code" ("phone", "purpose", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_one_time_code_ip" ON "loyalty_one_time_code" ("ip", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_pos_key" ("id" text not null, "name" text not null, "location" text not null, "scopes" jsonb not null, "key_hash" text not null, "key_prefix" text not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_pos_key_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_pos_key_deleted_at" ON "loyalty_pos_key" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_pos_key_hash" ON "loyalty_pos_key" ("key_hash") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_pos_purchase" ("id" text not null, "receipt_id" text not null, "customer_id" text not null, "order_id" text null, "pos_key_id" text null, "location" text null, "amount" numeric not null, "currency_code" text not null, "note" text null, "voided_at" timestamptz null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_pos_purchase_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_pos_purchase_deleted_at" ON "loyalty_pos_purchase" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_pos_purchase_receipt" ON "loyalty_pos_purchase" ("receipt_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_pos_purchase_customer" ON "loyalty_pos_purchase" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_settings" add column if not exists "signup_bonus" jsonb null, add column if not exists "pos_redeem_requires_code" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_one_time_code" cascade;`);

    this.addSql(`drop table if exists "loyalty_pos_key" cascade;`);

    this.addSql(`drop table if exists "loyalty_pos_purchase" cascade;`);

    this.addSql(`alter table if exists "loyalty_settings" drop column if exists "signup_bonus", drop column if exists "pos_redeem_requires_code";`);
  }

}
