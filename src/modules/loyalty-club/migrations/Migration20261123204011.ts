import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123204011 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_message" ("id" text not null, "customer_id" text not null, "event" text not null, "locale" text not null, "phone" text null, "body" text not null, "gateway_template" text null, "template_params" jsonb null, "idempotency_key" text not null, "status" text check ("status" in ('queued', 'sending', 'sent', 'failed', 'skipped')) not null default 'queued', "claimed_at" timestamptz null, "reason" text null, "send_after" timestamptz not null, "attempts" integer not null default 0, "failures" integer not null default 0, "notification_id" text null, "sent_at" timestamptz null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_message_deleted_at" ON "loyalty_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_message_idempotency_key" ON "loyalty_message" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_message_customer" ON "loyalty_message" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_message_due" ON "loyalty_message" ("send_after") WHERE status = 'queued' AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_message_template" ("id" text not null, "event" text not null, "locale" text not null, "body" text not null, "gateway_template" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_message_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_message_template_deleted_at" ON "loyalty_message_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_message_template_event_locale" ON "loyalty_message_template" ("event", "locale") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_sms_preference" ("id" text not null, "customer_id" text not null, "opted_out" boolean not null default false, "opted_out_at" timestamptz null, "locale" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_sms_preference_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_sms_preference_deleted_at" ON "loyalty_sms_preference" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_sms_preference_customer" ON "loyalty_sms_preference" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_settings" add column if not exists "sms_events" jsonb null, add column if not exists "reminder_days" jsonb null, add column if not exists "quiet_hours_start" text not null default '22:00', add column if not exists "quiet_hours_end" text not null default '09:00', add column if not exists "time_zone" text not null default 'Asia/Tehran', add column if not exists "sender_line" text null, add column if not exists "store_name" text null, add column if not exists "default_locale" text not null default 'fa', add column if not exists "money_display" text check ("money_display" in ('toman', 'rial')) not null default 'toman', add column if not exists "win_back_days" integer not null default 60;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_message" cascade;`);

    this.addSql(`drop table if exists "loyalty_message_template" cascade;`);

    this.addSql(`drop table if exists "loyalty_sms_preference" cascade;`);

    this.addSql(`alter table if exists "loyalty_settings" drop column if exists "sms_events", drop column if exists "reminder_days", drop column if exists "quiet_hours_start", drop column if exists "quiet_hours_end", drop column if exists "time_zone", drop column if exists "sender_line", drop column if exists "store_name", drop column if exists "default_locale", drop column if exists "money_display", drop column if exists "win_back_days";`);
  }

}
