import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130083846 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_customer_score" add column if not exists "interests_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_customer_score" drop column if exists "interests_at";`);
  }

}
