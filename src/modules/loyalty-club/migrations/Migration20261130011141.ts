import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130011141 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_referral" ("id" text not null, "referrer_id" text not null, "friend_id" text not null, "code" text not null, "channel" text check ("channel" in ('online', 'kiosk', 'till')) not null, "status" text check ("status" in ('joined', 'ordered', 'held', 'pending', 'rewarded', 'refused', 'reversed')) not null default 'joined', "reasons" jsonb null, "held_stage" text check ("held_stage" in ('claim', 'order')) null, "friend_phone" text null, "friend_email" text null, "ip" text null, "device_id" text null, "order_id" text null, "order_total" numeric null, "currency_code" text null, "friend_code_id" text null, "friend_transaction_id" text null, "referrer_transaction_id" text null, "referrer_amount" numeric null, "available_at" timestamptz null, "rewarded_at" timestamptz null, "reversed_at" timestamptz null, "bonus_orders" integer not null default 0, "reviewed_by" text null, "reviewed_at" timestamptz null, "raw_order_total" jsonb null, "raw_referrer_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_referral_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_referral_deleted_at" ON "loyalty_referral" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_referral_friend_live" ON "loyalty_referral" ("friend_id") WHERE deleted_at IS NULL AND status <> 'refused';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_referral_referrer" ON "loyalty_referral" ("referrer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_referral_order" ON "loyalty_referral" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_referral_status" ON "loyalty_referral" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_referral_ip" ON "loyalty_referral" ("ip", "created_at") WHERE deleted_at IS NULL AND ip IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_referral_device" ON "loyalty_referral" ("device_id", "created_at") WHERE deleted_at IS NULL AND device_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_referral_friend_phone" ON "loyalty_referral" ("friend_phone") WHERE deleted_at IS NULL AND friend_phone IS NOT NULL;`);

    this.addSql(`create table if not exists "loyalty_referral_code" ("id" text not null, "customer_id" text not null, "code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_referral_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_referral_code_deleted_at" ON "loyalty_referral_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_referral_code_customer" ON "loyalty_referral_code" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_referral_code_code" ON "loyalty_referral_code" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_referral_program" ("id" text not null, "enabled" boolean not null default false, "friend_gift_type" text check ("friend_gift_type" in ('code', 'credit', 'none')) not null default 'none', "friend_batch_id" text null, "friend_credit" jsonb null, "friend_credit_valid_days" integer not null default 30, "min_order_amount" jsonb null, "referrer_credit" jsonb null, "referrer_credit_valid_days" integer null, "hold_days" integer not null default 14, "referrer_percent" numeric null, "referrer_orders" integer not null default 0, "referrer_monthly_cap" integer not null default 10, "daily_source_limit" integer not null default 3, "credit_share_hold" integer not null default 50, "require_verified_phone" boolean not null default true, "share_url" text null, "raw_referrer_percent" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_referral_program_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_referral_program_deleted_at" ON "loyalty_referral_program" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_referral" cascade;`);

    this.addSql(`drop table if exists "loyalty_referral_code" cascade;`);

    this.addSql(`drop table if exists "loyalty_referral_program" cascade;`);
  }

}
