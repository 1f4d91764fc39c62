import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { COUNTED_ORDER_INDEX_SQL } from "../services/analytics-rollups"

/**
 * What segment counts read in index ranges instead of whole tables
 * (services/segment-sql.ts):
 * - the counted orders by creation time (the orders placed since the
 *   nightly scores or the analytics rollup, a window's first day). On
 *   Medusa's own "order" table, under a name of the club's; its predicate is
 *   the club's COUNTED_ORDER_SQL, word for word, so the planner matches it.
 *   Built in the migration's transaction: a shop with a million orders
 *   waits a few seconds for it. Where the order module has no table yet
 *   (this module migrated alone), the nightly analytics rebuild makes it.
 * - the analytics rollup's customer days by day (a window's days in every
 *   currency), and how far the rollup's orders reach (`orders_as_of`: the
 *   moment its orders were read; a rollup built before this migration has
 *   none and is not read until the next build).
 */
export class Migration20261130080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`DO $$ BEGIN
      IF to_regclass('"order"') IS NOT NULL THEN
        ${COUNTED_ORDER_INDEX_SQL};
      END IF;
    END $$;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_analytics_customer_day_day" ON "loyalty_analytics_customer_day" ("day");`)
    this.addSql(`alter table if exists "loyalty_analytics_rollup" add column if not exists "orders_as_of" timestamptz null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_analytics_rollup" drop column if exists "orders_as_of";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_loyalty_analytics_customer_day_day";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_loyalty_order_counted_created_at";`)
  }
}
