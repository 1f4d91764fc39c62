import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123211742 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_message_template" alter column "body" type text using ("body"::text);`);
    this.addSql(`alter table if exists "loyalty_message_template" alter column "body" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_message_template" alter column "body" type text using ("body"::text);`);
    this.addSql(`alter table if exists "loyalty_message_template" alter column "body" set not null;`);
  }

}
