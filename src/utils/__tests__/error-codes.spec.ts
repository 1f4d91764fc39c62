import { MedusaError } from "@medusajs/framework/utils"
import ar from "../../admin/i18n/locales/ar/errors.json"
import en from "../../admin/i18n/locales/en/errors.json"
import fa from "../../admin/i18n/locales/fa/errors.json"
import { fieldErrorCode, invalidField, LOYALTY_ERROR_CODES, LoyaltyErrorCode } from "../error-codes"

// What the admin shows beside the API's codes: a failure it could not
// classify, a 409 (someone else changed it), a request that never arrived.
const ADMIN_KEYS = ["unknown", "conflict", "network"]

const files: [string, Record<string, unknown>][] = [
  ["en", en],
  ["fa", fa],
  ["ar", ar],
]

describe("LoyaltyErrorCode", () => {
  it("should have distinct snake_case codes prefixed loyalty_", () => {
    expect(new Set(LOYALTY_ERROR_CODES).size).toBe(LOYALTY_ERROR_CODES.length)
    for (const code of LOYALTY_ERROR_CODES) {
      expect(code).toMatch(/^loyalty_[a-z0-9]+(_[a-z0-9]+)*$/)
    }
  })

  describe.each(files)("errors.json (%s)", (language, texts) => {
    it("should have a non-empty text for every code", () => {
      const missing = [...LOYALTY_ERROR_CODES, ...ADMIN_KEYS].filter(
        (key) => typeof texts[key] !== "string" || !(texts[key] as string).trim()
      )
      expect(missing).toEqual([])
    })

    it("should have no key besides the codes and unknown, conflict, network", () => {
      const allowed = new Set<string>([...LOYALTY_ERROR_CODES, ...ADMIN_KEYS])
      expect(Object.keys(texts).filter((key) => !allowed.has(key))).toEqual([])
    })

    it("should be one flat object of texts", () => {
      expect(Object.values(texts).every((v) => typeof v === "string")).toBe(true)
      if (language !== "en") {
        // Not a copy of the English file.
        const same = Object.keys(texts).filter((k) => texts[k] === (en as Record<string, string>)[k])
        expect(same).toEqual([])
      }
    })
  })

  describe("invalidField", () => {
    it("should give each amount field its code and other fields the generic one", () => {
      expect(fieldErrorCode("amount")).toBe("loyalty_amount_invalid")
      expect(fieldErrorCode("multiplier.value")).toBe("loyalty_multiplier_invalid")
      expect(fieldErrorCode("pos_max_purchase.irr")).toBe("loyalty_pos_max_purchase_invalid")
      expect(fieldErrorCode("items.0.amount")).toBe(LoyaltyErrorCode.INVALID_REQUEST)
      const error = invalidField("min_spend", "min_spend must not be negative, got -1")
      expect(error).toBeInstanceOf(MedusaError)
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.code).toBe("loyalty_min_spend_invalid")
      expect(error.message).toBe("min_spend must not be negative, got -1")
    })
  })
})
