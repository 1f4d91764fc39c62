import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129143932 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_member_phone" ("id" text not null, "phone" text not null, "customer_id" text not null, "source" text check ("source" in ('code', 'pos', 'admin', 'import')) not null, "verified_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_member_phone_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_member_phone_deleted_at" ON "loyalty_member_phone" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_member_phone_phone" ON "loyalty_member_phone" ("phone") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_member_phone_customer" ON "loyalty_member_phone" ("customer_id") WHERE deleted_at IS NULL;`);

    // Existing installs: only customers the plugin itself made for a phone
    // (a till purchase for an unknown number; no account, so no shopper could
    // have set that phone) become members by phone. Accounts that carry a
    // phone are not copied: `customer.phone` is whatever the shopper typed,
    // and copying it would hand a victim's number to whoever set it first.
    // Their owners join by a one-time code (kiosk or store sign-up).
    this.addSql(`DO $$ BEGIN
      IF to_regclass('customer') IS NOT NULL THEN
        INSERT INTO "loyalty_member_phone" ("id", "phone", "customer_id", "source", "created_at", "updated_at")
        SELECT DISTINCT ON (c.phone) 'lmph_' || replace(gen_random_uuid()::text, '-', ''), c.phone, c.id, 'import', now(), now()
        FROM "customer" c
        WHERE c.deleted_at IS NULL AND c.has_account = false AND c.phone LIKE '+%'
          AND c.metadata->>'loyalty_joined_via' = 'pos'
        ORDER BY c.phone, c.created_at
        ON CONFLICT ("phone") WHERE deleted_at IS NULL DO NOTHING;
      END IF;
    END $$;`);

    this.addSql(`alter table if exists "loyalty_settings" add column if not exists "pos_max_purchase" jsonb null, add column if not exists "signup_countries" jsonb null, add column if not exists "signup_hourly_cap" integer not null default 300, add column if not exists "signup_per_address_limit" integer not null default 10, add column if not exists "signup_behind_proxy" boolean not null default false;`);
    this.addSql(`alter table if exists "loyalty_settings" alter column "pos_redeem_requires_code" type boolean using ("pos_redeem_requires_code"::boolean);`);
    this.addSql(`alter table if exists "loyalty_settings" alter column "pos_redeem_requires_code" set default true;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_one_time_code_purpose_created" ON "loyalty_one_time_code" ("purpose", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_one_time_code_created" ON "loyalty_one_time_code" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_loyalty_pos_purchase_receipt";`);

    this.addSql(`alter table if exists "loyalty_pos_purchase" add column if not exists "phone" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_pos_purchase_location_receipt" ON "loyalty_pos_purchase" ("location", "receipt_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_member_phone" cascade;`);

    this.addSql(`alter table if exists "loyalty_settings" drop column if exists "pos_max_purchase", drop column if exists "signup_countries", drop column if exists "signup_hourly_cap", drop column if exists "signup_per_address_limit", drop column if exists "signup_behind_proxy";`);

    this.addSql(`alter table if exists "loyalty_settings" alter column "pos_redeem_requires_code" type boolean using ("pos_redeem_requires_code"::boolean);`);
    this.addSql(`alter table if exists "loyalty_settings" alter column "pos_redeem_requires_code" set default false;`);

    this.addSql(`drop index if exists "IDX_loyalty_one_time_code_purpose_created";`);
    this.addSql(`drop index if exists "IDX_loyalty_one_time_code_created";`);

    this.addSql(`drop index if exists "IDX_loyalty_pos_purchase_location_receipt";`);
    this.addSql(`alter table if exists "loyalty_pos_purchase" drop column if exists "phone";`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_pos_purchase_receipt" ON "loyalty_pos_purchase" ("receipt_id") WHERE deleted_at IS NULL;`);
  }

}
