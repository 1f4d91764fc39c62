import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * A customer's order days in the analytics rollup as arrays on their row
 * (loyalty_analytics_customer): the days in order and the orders and
 * revenue up to and including each. A segment's window (services/
 * segment-sql.ts) is then the customer's total less the figure through the
 * window's first day, found by binary search (`width_bucket`), on one row
 * per customer instead of a sum over their days. A rollup built before
 * this migration has no arrays: `orders_as_of` is cleared so that segments
 * read orders live until the next nightly build.
 */
export class Migration20261130120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_analytics_customer" add column if not exists "order_days" date[] null, add column if not exists "orders_through" integer[] null, add column if not exists "revenue_through" numeric[] null;`)
    this.addSql(`update "loyalty_analytics_rollup" set "orders_as_of" = null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_analytics_customer" drop column if exists "order_days", drop column if exists "orders_through", drop column if exists "revenue_through";`)
  }
}
