import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders, failure, settled } from "../helpers"

jest.setTimeout(120000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let washing: string

    // Once per suite: the runner copies the database into its template before
    // the first test and restores that copy before each one, so every test
    // still starts with exactly these (same ids, same login).
    beforeAll(async () => {
      await settled(getContainer(), async () => {
        admin = await adminHeaders(getContainer(), api)
        const { result } = await createProductCategoriesWorkflow(getContainer()).run({
          input: { product_categories: [{ name: "Washing machines", is_active: true }] },
        })
        washing = result[0].id
      })
    })

    const create = (body: Record<string, unknown>) =>
      api.post("/admin/loyalty/cashback-rules", body, admin)

    describe("Admin cashback rules", () => {
      it("should create, list, read, update and delete a rule", async () => {
        const created = await create({
          name: "2% on washing machines",
          type: "percent",
          value: "2",
          currency_code: "IRR",
          max_amount: 5000000,
          expires_after_days: 30,
          release: "hold",
          hold_days: 14,
          scope: { category_ids: [washing] },
          starts_at: "2026-11-01T00:00:00Z",
          multiplier: { value: 2, starts_at: "2026-12-20T00:00:00Z", ends_at: "2026-12-27T00:00:00Z" },
        })
        expect(created.status).toBe(201)
        const rule = created.data.cashback_rule
        expect(rule).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^lcbr_/),
            name: "2% on washing machines",
            is_active: true,
            priority: 0,
            type: "percent",
            value: "2",
            currency_code: "irr",
            max_amount: "5000000",
            min_subtotal: null,
            release: "hold",
            hold_days: 14,
            combination: "best",
            scope: { category_ids: [washing] },
          })
        )

        const list = await api.get("/admin/loyalty/cashback-rules?is_active=true", admin)
        expect(list.data.count).toBe(1)
        expect(list.data.cashback_rules[0].id).toBe(rule.id)

        const updated = await api.post(
          `/admin/loyalty/cashback-rules/${rule.id}`,
          { is_active: false, value: "2.5" },
          admin
        )
        expect(updated.data.cashback_rule).toEqual(
          expect.objectContaining({ is_active: false, value: "2.5", max_amount: "5000000" })
        )
        const active = await api.get("/admin/loyalty/cashback-rules?is_active=true", admin)
        expect(active.data.count).toBe(0)

        const removed = await api.delete(`/admin/loyalty/cashback-rules/${rule.id}`, admin)
        expect(removed.data).toEqual({ id: rule.id, object: "cashback_rule", deleted: true })
        const gone = await failure(api.get(`/admin/loyalty/cashback-rules/${rule.id}`, admin))
        expect(gone.status).toBe(404)
        expect(gone.data.message).toBe(`Cashback rule with id: ${rule.id} was not found`)
        expect(gone.data.code).toBe("loyalty_rule_not_found")
      })

      it("should keep the names shoppers read per language, trimmed, and replace them whole on update", async () => {
        // Trimmed; an empty one is left out; the shop's name stays required.
        const { data: created } = await create({
          name: "3% on coffee",
          names: { fa: "  ۳٪ کش‌بک قهوه ", en: "  " },
          type: "percent",
          value: 3,
        })
        const id = created.cashback_rule.id
        expect([created.cashback_rule.name, created.cashback_rule.names]).toEqual(["3% on coffee", { fa: "۳٪ کش‌بک قهوه" }])
        const { data: read } = await api.get(`/admin/loyalty/cashback-rules/${id}`, admin)
        expect(read.cashback_rule.names).toEqual({ fa: "۳٪ کش‌بک قهوه" })
        const { data: list } = await api.get("/admin/loyalty/cashback-rules", admin)
        expect(list.cashback_rules.map((r: any) => [r.name, r.names])).toEqual([["3% on coffee", { fa: "۳٪ کش‌بک قهوه" }]])

        const update = async (body: Record<string, unknown>) =>
          (await api.post(`/admin/loyalty/cashback-rules/${id}`, body, admin)).data.cashback_rule.names
        // Both languages, then English alone: the Persian name is gone.
        expect(await update({ names: { fa: "۳٪ کش‌بک قهوه", en: "3% cashback on coffee" } })).toEqual({
          fa: "۳٪ کش‌بک قهوه",
          en: "3% cashback on coffee",
        })
        expect(await update({ names: { en: "Coffee: 3% back" } })).toEqual({ en: "Coffee: 3% back" })
        // Another field leaves the names as they are.
        expect(await update({ priority: 5 })).toEqual({ en: "Coffee: 3% back" })
        // All empty, or null: none (shoppers read the shop's name).
        expect(await update({ names: { fa: " ", en: "" } })).toBeNull()
        expect(await update({ names: { fa: "قهوه" } })).toEqual({ fa: "قهوه" })
        expect(await update({ names: null })).toBeNull()

        // A rule created without names has none.
        const { data: plain } = await create({ name: "Plain", type: "percent", value: 1 })
        expect(plain.cashback_rule.names).toBeNull()

        // A name over 100 characters is refused on update too, and nothing changes.
        await update({ names: { fa: "قهوه" } })
        const long = await failure(api.post(`/admin/loyalty/cashback-rules/${id}`, { names: { en: "x".repeat(101) } }, admin))
        expect([long.status, long.data.message, long.data.code]).toEqual([
          400,
          "names.en must be at most 100 characters, got 101",
          "loyalty_rule_names_invalid",
        ])
        const { data: after } = await api.get(`/admin/loyalty/cashback-rules/${id}`, admin)
        expect(after.cashback_rule.names).toEqual({ fa: "قهوه" })
      })

      it("should replace the scope and the multiplier whole on update, as validated", async () => {
        const { data: created } = await create({
          name: "Washing week",
          type: "percent",
          value: 2,
          scope: { category_ids: [washing] },
          multiplier: { value: 2, starts_at: "2026-12-20T00:00:00Z", ends_at: "2026-12-27T00:00:00Z" },
        })
        const id = created.cashback_rule.id
        const { data: updated } = await api.post(
          `/admin/loyalty/cashback-rules/${id}`,
          { scope: { exclude_category_ids: [washing] }, multiplier: { value: 3 } },
          admin
        )
        expect([updated.cashback_rule.scope, updated.cashback_rule.multiplier]).toEqual([
          { exclude_category_ids: [washing] },
          { value: "3" },
        ])
      })

      it("should refuse bad rules with a 400 naming the field and create nothing", async () => {
        const base = { name: "Rule", type: "percent", value: 1 }
        // Each with the code the admin translates, naming the field.
        const cases: [Record<string, unknown>, string, string][] = [
          [{ value: 101 }, "value must be at most 100, got 101", "loyalty_value_invalid"],
          [{ value: -1 }, "value must be greater than 0, got -1", "loyalty_value_invalid"],
          [{ value: "abc" }, 'value must be a number, got "abc"', "loyalty_value_invalid"],
          [{ type: "fixed", value: 1000 }, "currency_code is required for a fixed amount rule", "loyalty_currency_required_for_fixed"],
          [{ type: "fixed", value: "10.5", currency_code: "irr" }, "value 10.5 has more decimals than IRR allows (0)", "loyalty_value_invalid"],
          [{ currency_code: "irr", max_amount: -5 }, "max_amount must not be negative, got -5", "loyalty_max_amount_invalid"],
          [{ currency_code: "irr", min_subtotal: -1 }, "min_subtotal must not be negative, got -1", "loyalty_min_subtotal_invalid"],
          [{ max_amount: 5 }, "currency_code is required when min_subtotal or max_amount is set", "loyalty_currency_required_for_limits"],
          [{ currency_code: "xyz" }, "currency_code (xyz) is not a known currency code", "loyalty_currency_unknown"],
          [
            { starts_at: "2026-12-10T00:00:00Z", ends_at: "2026-12-01T00:00:00Z" },
            "ends_at must be later than starts_at",
            "loyalty_ends_before_starts",
          ],
          [{ release: "hold" }, "hold_days is required when release is hold", "loyalty_hold_days_required"],
          [{ hold_days: 3 }, "hold_days is only used when release is hold", "loyalty_hold_days_not_used"],
          [{ multiplier: { value: 0 } }, "multiplier.value must be greater than 0, got 0", "loyalty_multiplier_invalid"],
          [
            { multiplier: { value: 2, starts_at: "2026-12-10T00:00:00Z", ends_at: "2026-12-01T00:00:00Z" } },
            "multiplier.ends_at must be later than multiplier.starts_at",
            "loyalty_multiplier_ends_before_starts",
          ],
          [{ type: "fixed", value: 10, currency_code: "irr", use_tier_rate: true }, "use_tier_rate is only for percent rules", "loyalty_tier_rate_percent_only"],
          [{ scope: { category_ids: ["pcat_missing"] } }, "scope.category_ids has unknown ids: pcat_missing", "loyalty_unknown_categories"],
          [{ scope: { exclude_product_ids: ["prod_missing"] } }, "scope.exclude_product_ids has unknown ids: prod_missing", "loyalty_unknown_products"],
          [{ tier_ids: ["ltier_missing"] }, "tier_ids has unknown ids: ltier_missing", "loyalty_unknown_tiers"],
          [{ names: { fa: "ق".repeat(101) } }, "names.fa must be at most 100 characters, got 101", "loyalty_rule_names_invalid"],
          [{ names: { de: "Kaffee" } }, "names has no language de (languages: fa, en)", "loyalty_rule_names_invalid"],
          [{ names: { en: 3 } }, "names.en must be text, got number", "loyalty_rule_names_invalid"],
          [
            { names: "قهوه" },
            'names must be an object of names per language like { "fa": "۳٪ کش‌بک قهوه", "en": "3% back on coffee" }',
            "loyalty_rule_names_invalid",
          ],
        ]
        for (const [over, message, code] of cases) {
          const res = await failure(create({ ...base, ...over }))
          expect([res.status, res.data.message, res.data.code]).toEqual([400, message, code])
        }
        const unknownField = await failure(create({ ...base, colour: "red" }))
        expect(unknownField.status).toBe(400)
        expect(unknownField.data.message).toContain("colour")
        expect(unknownField.data.code).toBe("loyalty_invalid_request")
        const badType = await failure(create({ ...base, type: "points" }))
        expect(badType.status).toBe(400)
        expect(badType.data.message).toContain("type")
        expect(badType.data.code).toBe("loyalty_invalid_request")

        const list = await api.get("/admin/loyalty/cashback-rules", admin)
        expect(list.data.count).toBe(0)
      })

      it("should validate an update against the whole rule", async () => {
        const { data } = await create({
          name: "Fixed gift",
          type: "fixed",
          value: 250000,
          currency_code: "irr",
        })
        const res = await failure(
          api.post(
            `/admin/loyalty/cashback-rules/${data.cashback_rule.id}`,
            { currency_code: null },
            admin
          )
        )
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("currency_code is required for a fixed amount rule")
        const unchanged = await api.get(
          `/admin/loyalty/cashback-rules/${data.cashback_rule.id}`,
          admin
        )
        expect(unchanged.data.cashback_rule.currency_code).toBe("irr")
        const missing = await failure(
          api.post("/admin/loyalty/cashback-rules/lcbr_missing", { name: "x" }, admin)
        )
        expect(missing.status).toBe(404)
      })
    })
  },
})
