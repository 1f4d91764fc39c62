import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129195419 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_credit_transfer" ("id" text not null, "sender_customer_id" text not null, "sender_wallet_id" text not null, "currency_code" text not null, "amount" numeric not null, "recipient_phone" text not null, "recipient_customer_id" text null, "recipient_wallet_id" text null, "status" text check ("status" in ('pending', 'claimed', 'returned')) not null default 'pending', "idempotency_key" text not null, "created_by_type" text not null, "created_by_id" text null, "message" text null, "claim_expires_at" timestamptz not null, "credit_expires_at" timestamptz null, "debit_transaction_id" text null, "credit_transaction_id" text null, "return_transaction_id" text null, "claimed_at" timestamptz null, "returned_at" timestamptz null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_credit_transfer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_credit_transfer_deleted_at" ON "loyalty_credit_transfer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_credit_transfer_sender_key" ON "loyalty_credit_transfer" ("sender_customer_id", "idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_credit_transfer_pending_expiry" ON "loyalty_credit_transfer" ("claim_expires_at") WHERE status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_credit_transfer_phone" ON "loyalty_credit_transfer" ("recipient_phone", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_credit_transfer_sender_created" ON "loyalty_credit_transfer" ("sender_customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_feedback" ("id" text not null, "order_id" text not null, "customer_id" text not null, "channel" text check ("channel" in ('online', 'till')) not null, "location" text null, "rating" integer not null, "comment" text null, "answered_at" timestamptz not null, "notified_at" timestamptz null, "gift_transaction_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_feedback_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_feedback_deleted_at" ON "loyalty_feedback" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_feedback_order" ON "loyalty_feedback" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_feedback_answered" ON "loyalty_feedback" ("answered_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_feedback_customer" ON "loyalty_feedback" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_settings" add column if not exists "receipt_link_days" integer not null default 30, add column if not exists "receipt_sms_online" boolean not null default false, add column if not exists "feedback_low_rating" integer not null default 2, add column if not exists "feedback_apology_credit" jsonb null, add column if not exists "transfers_enabled" boolean not null default true, add column if not exists "transfer_claim_days" integer not null default 7, add column if not exists "transfer_max_amount" jsonb null, add column if not exists "transfer_daily_limit" jsonb null, add column if not exists "transfer_daily_count" integer not null default 5;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_credit_transfer" cascade;`);

    this.addSql(`drop table if exists "loyalty_feedback" cascade;`);

    this.addSql(`alter table if exists "loyalty_settings" drop column if exists "receipt_link_days", drop column if exists "receipt_sms_online", drop column if exists "feedback_low_rating", drop column if exists "feedback_apology_credit", drop column if exists "transfers_enabled", drop column if exists "transfer_claim_days", drop column if exists "transfer_max_amount", drop column if exists "transfer_daily_limit", drop column if exists "transfer_daily_count";`);
  }

}
