import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129183139 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_cashback_rule" add column if not exists "names" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_cashback_rule" drop column if exists "names";`);
  }

}
