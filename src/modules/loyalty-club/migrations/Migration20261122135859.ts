import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122135859 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_wallet" ("id" text not null, "customer_id" text not null, "currency_code" text not null, "status" text check ("status" in ('active', 'frozen')) not null default 'active', "balance" numeric not null default 0, "metadata" jsonb null, "raw_balance" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_wallet_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_deleted_at" ON "loyalty_wallet" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_wallet_customer_currency" ON "loyalty_wallet" ("customer_id", "currency_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_wallet_lot" ("id" text not null, "transaction_id" text not null, "amount" numeric not null, "remaining" numeric not null, "available_at" timestamptz null, "expires_at" timestamptz null, "expired_at" timestamptz null, "wallet_id" text not null, "raw_amount" jsonb not null, "raw_remaining" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_wallet_lot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_lot_wallet_id" ON "loyalty_wallet_lot" ("wallet_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_lot_deleted_at" ON "loyalty_wallet_lot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_lot_open" ON "loyalty_wallet_lot" ("wallet_id", "expires_at") WHERE remaining > 0 AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_lot_pending" ON "loyalty_wallet_lot" ("wallet_id", "available_at") WHERE remaining > 0 AND available_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_lot_due" ON "loyalty_wallet_lot" ("expires_at") WHERE remaining > 0 AND expired_at IS NULL AND expires_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_lot_transaction" ON "loyalty_wallet_lot" ("transaction_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_wallet_lot_allocation" ("id" text not null, "transaction_id" text not null, "lot_id" text not null, "amount" numeric not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_wallet_lot_allocation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_lot_allocation_deleted_at" ON "loyalty_wallet_lot_allocation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_lot_allocation_transaction" ON "loyalty_wallet_lot_allocation" ("transaction_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_wallet_transaction" ("id" text not null, "type" text check ("type" in ('credit', 'debit', 'expiry', 'reversal', 'adjustment')) not null, "amount" numeric not null, "reference" text not null, "reference_id" text not null, "note" text null, "actor_type" text null, "actor_id" text null, "reverses_id" text null, "metadata" jsonb null, "wallet_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_wallet_transaction_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_transaction_wallet_id" ON "loyalty_wallet_transaction" ("wallet_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_transaction_deleted_at" ON "loyalty_wallet_transaction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_wallet_transaction_idempotency" ON "loyalty_wallet_transaction" ("wallet_id", "type", "reference", "reference_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_transaction_wallet_created" ON "loyalty_wallet_transaction" ("wallet_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_wallet_transaction_reference" ON "loyalty_wallet_transaction" ("reference", "reference_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_wallet_lot" add constraint "loyalty_wallet_lot_wallet_id_foreign" foreign key ("wallet_id") references "loyalty_wallet" ("id") on update cascade;`);

    this.addSql(`alter table if exists "loyalty_wallet_transaction" add constraint "loyalty_wallet_transaction_wallet_id_foreign" foreign key ("wallet_id") references "loyalty_wallet" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_wallet_lot" drop constraint if exists "loyalty_wallet_lot_wallet_id_foreign";`);

    this.addSql(`alter table if exists "loyalty_wallet_transaction" drop constraint if exists "loyalty_wallet_transaction_wallet_id_foreign";`);

    this.addSql(`drop table if exists "loyalty_wallet" cascade;`);

    this.addSql(`drop table if exists "loyalty_wallet_lot" cascade;`);

    this.addSql(`drop table if exists "loyalty_wallet_lot_allocation" cascade;`);

    this.addSql(`drop table if exists "loyalty_wallet_transaction" cascade;`);
  }

}
