import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129170252 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_tier" drop constraint if exists "loyalty_tier_qualification_window_check";`);

    this.addSql(`alter table if exists "loyalty_tier" add column if not exists "names" jsonb null;`);
    this.addSql(`alter table if exists "loyalty_tier" add constraint "loyalty_tier_qualification_window_check" check("qualification_window" in ('rolling', 'calendar_year', 'jalali_year', 'lifetime'));`);

    this.addSql(`alter table if exists "loyalty_wallet" add column if not exists "status_reason" text null, add column if not exists "status_changed_at" timestamptz null, add column if not exists "status_changed_by" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_tier" drop constraint if exists "loyalty_tier_qualification_window_check";`);

    this.addSql(`alter table if exists "loyalty_tier" drop column if exists "names";`);

    // The nearest window the old check allows; the Nowruz start moves to 1 January.
    this.addSql(`update "loyalty_tier" set "qualification_window" = 'calendar_year' where "qualification_window" = 'jalali_year';`);
    this.addSql(`alter table if exists "loyalty_tier" add constraint "loyalty_tier_qualification_window_check" check("qualification_window" in ('rolling', 'calendar_year', 'lifetime'));`);

    this.addSql(`alter table if exists "loyalty_wallet" drop column if exists "status_reason", drop column if exists "status_changed_at", drop column if exists "status_changed_by";`);
  }

}
