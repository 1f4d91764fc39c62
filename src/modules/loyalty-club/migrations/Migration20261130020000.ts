import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Written by hand: the Loyalty analytics rollups (services/analytics-rollups.ts).
 *
 * These tables are caches, not models. No DML model describes them and the
 * module's snapshot (.snapshot-*.json) does not list them, on purpose: the
 * nightly refresh (and POST /admin/loyalty/analytics/refresh) deletes and
 * rebuilds them whole from the orders and the ledger, in one transaction,
 * so nothing but that rebuild ever writes them. `plugin:db:generate` only
 * compares the models with the snapshot, so it neither sees nor drops them.
 *
 * They are UNLOGGED: no write-ahead log for a million rows that can be
 * rebuilt in a minute. After a crash PostgreSQL empties unlogged tables,
 * the rollup row included, so the page then says the figures were never
 * built instead of showing half of them.
 *
 * Days are the shop's days (in the time zone the rollup was built with,
 * kept in loyalty_analytics_rollup.time_zone); month labels are "YYYY-MM"
 * in the calendar named by `calendar` ('gregorian' or 'jalali').
 */
export class Migration20261130020000 extends Migration {

  override async up(): Promise<void> {
    // The last rebuild: one row.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_rollup" ("id" integer not null default 1, "built_at" timestamptz not null, "duration_ms" integer not null, "orders" bigint not null, "customers" bigint not null, "time_zone" text not null, constraint "loyalty_analytics_rollup_pkey" primary key ("id"), constraint "loyalty_analytics_rollup_one" check ("id" = 1));`);

    // Each day and its month in both calendars, so months are a join.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_calendar" ("day" date not null, "g_month" text not null, "j_month" text not null, constraint "loyalty_analytics_calendar_pkey" primary key ("day"));`);

    // Club members (a wallet or a member phone): when they joined, their tier now.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_member" ("customer_id" text not null, "joined_at" timestamptz not null, "joined_day" date not null, "tier_id" text null, constraint "loyalty_analytics_member_pkey" primary key ("customer_id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_analytics_member_joined" ON "loyalty_analytics_member" ("joined_day");`);

    // A customer's orders on a day, with the customer's order day before
    // it and their first in the currency (prev_day, first_order_day; a
    // period's first row of a customer has prev_day before it): a customer has an order in [a, b) unless
    // all their orders are outside it, so a period's customers are counted
    // from the customers' first and last days and the rows that jump over
    // the period (prev_day < a, day >= b), without grouping by customer.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_customer_day" ("currency_code" text not null, "day" date not null, "customer_id" text not null, "orders" integer not null, "revenue" numeric not null, "store_orders" integer not null, "is_member" boolean not null, "tier_id" text null, "prev_day" date null, "first_order_day" date not null, constraint "loyalty_analytics_customer_day_pkey" primary key ("currency_code", "day", "customer_id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_analytics_customer_day_prev" ON "loyalty_analytics_customer_day" ("currency_code", "prev_day") WHERE prev_day IS NOT NULL;`);

    // A customer's orders over all time, per currency: the first and second
    // order days and the first day's orders (who has ordered twice by a
    // day), the last order day, and whether they are a member and in which tier.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_customer" ("currency_code" text not null, "customer_id" text not null, "is_member" boolean not null, "tier_id" text null, "first_order_day" date not null, "first_day_orders" integer not null, "second_order_day" date null, "last_order_day" date not null, "orders" integer not null, "revenue" numeric not null, "store_orders" integer not null, constraint "loyalty_analytics_customer_pkey" primary key ("currency_code", "customer_id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_analytics_customer_first" ON "loyalty_analytics_customer" ("currency_code", "first_order_day");`);

    // A day's orders and revenue by segment: a member's tier id, '' for
    // members with no tier, '~' for customers who are not members.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_day" ("currency_code" text not null, "day" date not null, "segment" text not null, "orders" integer not null, "revenue" numeric not null, constraint "loyalty_analytics_day_pkey" primary key ("currency_code", "day", "segment"));`);

    // Members' all-time revenue per currency by their tier ('tier', '' for
    // none) and where they bought ('channel': online, store, both), and by
    // the day they joined (lifetime value).
    this.addSql(`create unlogged table if not exists "loyalty_analytics_ltv" ("currency_code" text not null, "kind" text not null, "key" text not null, "members" integer not null, "revenue" numeric not null, constraint "loyalty_analytics_ltv_pkey" primary key ("currency_code", "kind", "key"));`);
    this.addSql(`create unlogged table if not exists "loyalty_analytics_join_day" ("currency_code" text not null, "day" date not null, "members" integer not null, "revenue" numeric not null, constraint "loyalty_analytics_join_day_pkey" primary key ("currency_code", "day"));`);

    // In-store orders by till location ('' for a purchase without one).
    this.addSql(`create unlogged table if not exists "loyalty_analytics_location_day" ("currency_code" text not null, "day" date not null, "location" text not null, "orders" integer not null, "revenue" numeric not null, constraint "loyalty_analytics_location_day_pkey" primary key ("currency_code", "day", "location"));`);

    // The wallet's flows by day: issued, released, redeemed, expired, taken_back.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_ledger_day" ("currency_code" text not null, "day" date not null, "flow" text not null, "amount" numeric not null, constraint "loyalty_analytics_ledger_day_pkey" primary key ("currency_code", "day", "flow"));`);

    // Per calendar month: customers with an order in it, online only, in store only, both.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_month" ("currency_code" text not null, "calendar" text not null, "month" text not null, "online_only" integer not null, "store_only" integer not null, "both_channels" integer not null, constraint "loyalty_analytics_month_pkey" primary key ("currency_code", "calendar", "month"));`);

    // Retention: customers whose first order was in `cohort` with an order in `month`.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_cohort" ("currency_code" text not null, "calendar" text not null, "cohort" text not null, "month" text not null, "customers" integer not null, constraint "loyalty_analytics_cohort_pkey" primary key ("currency_code", "calendar", "cohort", "month"));`);

    // Tier moves by day: the change in each tier's members ('' = no tier;
    // day '-infinity' holds everyone's state before their first move) and
    // the upgrades and downgrades into it, so members at any day's start
    // are a running sum.
    this.addSql(`create unlogged table if not exists "loyalty_analytics_tier_day" ("day" date not null, "tier_key" text not null, "net" integer not null, "upgrades" integer not null, "downgrades" integer not null, constraint "loyalty_analytics_tier_day_pkey" primary key ("day", "tier_key"));`);

    // Not a rollup: an index on the ledger's lots for the live liability
    // read (Σ of open lots by state and expiry month), so it reads the
    // open lots from the index alone instead of the whole lot table. Kept
    // here, beside the read it serves, rather than in the WalletLot model.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_analytics_lot_live" ON "loyalty_wallet_lot" ("wallet_id") INCLUDE ("remaining", "available_at", "expires_at") WHERE remaining <> 0 AND expired_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_loyalty_analytics_lot_live";`);
    this.addSql(`drop table if exists "loyalty_analytics_tier_day" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_join_day" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_ltv" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_cohort" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_month" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_ledger_day" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_location_day" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_day" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_customer" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_customer_day" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_member" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_calendar" cascade;`);
    this.addSql(`drop table if exists "loyalty_analytics_rollup" cascade;`);
  }

}
