import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130035416 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_inbound_message" drop constraint if exists "loyalty_inbound_message_unique";`);
    this.addSql(`alter table if exists "loyalty_campaign_recipient" drop constraint if exists "loyalty_campaign_recipient_unique";`);
    this.addSql(`alter table if exists "loyalty_automation_member" drop constraint if exists "loyalty_automation_member_unique";`);
    this.addSql(`create table if not exists "loyalty_automation_member" ("id" text not null, "campaign_id" text not null, "customer_id" text not null, "since" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_automation_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_automation_member_deleted_at" ON "loyalty_automation_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_automation_member_unique" ON "loyalty_automation_member" ("campaign_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_campaign" ("id" text not null, "name" text not null, "kind" text check ("kind" in ('campaign', 'automation')) not null default 'campaign', "segment_id" text not null, "status" text check ("status" in ('draft', 'scheduled', 'queuing', 'sending', 'paused', 'done', 'canceled')) not null default 'draft', "is_active" boolean not null default false, "bodies" jsonb not null, "gift" jsonb null, "code_batch_id" text null, "holdout_percent" integer not null default 10, "throttle_per_minute" integer null, "window_days" integer not null default 14, "cooldown_days" integer null, "scheduled_at" timestamptz null, "queued_at" timestamptz null, "started_at" timestamptz null, "paused_at" timestamptz null, "finished_at" timestamptz null, "canceled_at" timestamptz null, "recipients" integer not null default 0, "holdout" integer not null default 0, "skipped" integer not null default 0, "estimate" jsonb null, "error" text null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_campaign_deleted_at" ON "loyalty_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_campaign_status" ON "loyalty_campaign" ("kind", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_campaign_segment" ON "loyalty_campaign" ("segment_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_campaign_recipient" ("id" text not null, "campaign_id" text not null, "customer_id" text not null, "occurrence" text not null default 'once', "holdout" boolean not null default false, "entered_at" timestamptz not null, "message_id" text null, "skip_reason" text null, "gift" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_campaign_recipient_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_campaign_recipient_deleted_at" ON "loyalty_campaign_recipient" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_campaign_recipient_unique" ON "loyalty_campaign_recipient" ("campaign_id", "customer_id", "occurrence") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_campaign_recipient_customer" ON "loyalty_campaign_recipient" ("customer_id", "entered_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_customer_score" ("id" text not null, "customer_id" text not null, "currency_code" text null, "orders" integer not null default 0, "orders_online" integer not null default 0, "orders_store" integer not null default 0, "monetary" numeric not null default 0, "first_order_at" timestamptz null, "last_order_at" timestamptz null, "recency_days" integer null, "member_days" integer not null default 0, "r_score" integer not null default 0, "f_score" integer not null default 0, "m_score" integer not null default 0, "l_score" integer not null default 0, "segment" text null, "previous_segment" text null, "segment_since" timestamptz null, "channel_mix" text check ("channel_mix" in ('online', 'store', 'both')) null, "interests" jsonb null, "scored_at" timestamptz not null, "raw_monetary" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_customer_score_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_customer_score_deleted_at" ON "loyalty_customer_score" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_customer_score_customer" ON "loyalty_customer_score" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_customer_score_segment" ON "loyalty_customer_score" ("segment") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_inbound_message" ("id" text not null, "gateway" text not null, "kind" text check ("kind" in ('reply', 'delivery')) not null, "external_id" text not null, "phone" text null, "body" text null, "status" text null, "customer_id" text null, "message_id" text null, "action" text null, "received_at" timestamptz not null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_inbound_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_inbound_message_deleted_at" ON "loyalty_inbound_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_inbound_message_unique" ON "loyalty_inbound_message" ("gateway", "kind", "external_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_inbound_message_customer" ON "loyalty_inbound_message" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_segment" ("id" text not null, "name" text not null, "description" text null, "conditions" jsonb not null, "customer_count" integer null, "counted_at" timestamptz null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_segment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_segment_deleted_at" ON "loyalty_segment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_segment_name" ON "loyalty_segment" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_cashback_rule" add column if not exists "segment_ids" jsonb null;`);

    this.addSql(`alter table if exists "loyalty_code_batch" add column if not exists "segment_ids" jsonb null;`);

    this.addSql(`alter table if exists "loyalty_settings" add column if not exists "sms_opt_out_line" jsonb null, add column if not exists "sms_part_prices" jsonb null;`);

    this.addSql(`alter table if exists "loyalty_message" add column if not exists "kind" text check ("kind" in ('service', 'promotional')) not null default 'service', add column if not exists "campaign_id" text null, add column if not exists "gateway_message_id" text null, add column if not exists "delivery_status" text null, add column if not exists "delivered_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_message_campaign" ON "loyalty_message" ("campaign_id", "status") WHERE campaign_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_message_gateway_id" ON "loyalty_message" ("gateway_message_id") WHERE gateway_message_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_sms_preference" add column if not exists "promotions_opted_out" boolean not null default false, add column if not exists "promotions_opted_out_at" timestamptz null, add column if not exists "opt_out_source" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_automation_member" cascade;`);

    this.addSql(`drop table if exists "loyalty_campaign" cascade;`);

    this.addSql(`drop table if exists "loyalty_campaign_recipient" cascade;`);

    this.addSql(`drop table if exists "loyalty_customer_score" cascade;`);

    this.addSql(`drop table if exists "loyalty_inbound_message" cascade;`);

    this.addSql(`drop table if exists "loyalty_segment" cascade;`);

    this.addSql(`alter table if exists "loyalty_cashback_rule" drop column if exists "segment_ids";`);

    this.addSql(`alter table if exists "loyalty_code_batch" drop column if exists "segment_ids";`);

    this.addSql(`alter table if exists "loyalty_settings" drop column if exists "sms_opt_out_line", drop column if exists "sms_part_prices";`);

    this.addSql(`drop index if exists "IDX_loyalty_message_campaign";`);
    this.addSql(`drop index if exists "IDX_loyalty_message_gateway_id";`);
    this.addSql(`alter table if exists "loyalty_message" drop column if exists "kind", drop column if exists "campaign_id", drop column if exists "gateway_message_id", drop column if exists "delivery_status", drop column if exists "delivered_at";`);

    this.addSql(`alter table if exists "loyalty_sms_preference" drop column if exists "promotions_opted_out", drop column if exists "promotions_opted_out_at", drop column if exists "opt_out_source";`);
  }

}
