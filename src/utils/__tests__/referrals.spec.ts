import {
  generateReferralCode,
  HOLD_REASONS,
  isReferralCodeShape,
  maskPhone,
  normalizeAddress,
  normalizeEmail,
  normalizeReferralCode,
  REFERRAL_CODE_ALPHABET,
  REFERRAL_CODE_LENGTH,
  referralLink,
  REFUSAL_REASONS,
} from "../referrals"

describe("referrals", () => {
  describe("generateReferralCode", () => {
    it("should make six characters without look-alikes", () => {
      expect(REFERRAL_CODE_ALPHABET).toBe("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
      expect(REFERRAL_CODE_ALPHABET).not.toMatch(/[01ILO]/)
      const codes = Array.from({ length: 2000 }, () => generateReferralCode())
      for (const code of codes) {
        expect(code).toHaveLength(REFERRAL_CODE_LENGTH)
        expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/)
        expect(isReferralCodeShape(code)).toBe(true)
      }
      // 2,000 draws from 887 million codes: no repeats, and the whole alphabet used.
      expect(new Set(codes).size).toBe(codes.length)
      expect(new Set(codes.join("")).size).toBe(REFERRAL_CODE_ALPHABET.length)
    })
  })

  describe("normalizeReferralCode", () => {
    it.each([
      ["AB34CD", "AB34CD"],
      ["ab34cd", "AB34CD"],
      ["  ab34cd  ", "AB34CD"],
      ["AB-34-CD", "AB34CD"],
      ["AB 34 CD", "AB34CD"],
      ["ab–34—cd", "AB34CD"],
      ["AB۳۴CD", "AB34CD"],
      ["AB٣٤CD", "AB34CD"],
      ["\u200fAB34CD\u200e", "AB34CD"],
      ["AB\u00a034\tCD", "AB34CD"],
      ["", ""],
    ])("should read %j as %j", (typed, code) => {
      expect(normalizeReferralCode(typed)).toBe(code)
    })

    it("should tell a possible code from one that was never issued", () => {
      expect(isReferralCodeShape("AB34CD")).toBe(true)
      expect(isReferralCodeShape("AB34C")).toBe(false)
      expect(isReferralCodeShape("AB34CD7")).toBe(false)
      expect(isReferralCodeShape("AB10CD")).toBe(false)
      expect(isReferralCodeShape("ab34cd")).toBe(false)
    })
  })

  describe("normalizeEmail", () => {
    it.each([
      ["sara@example.com", "sara@example.com"],
      ["Sara@Example.COM", "sara@example.com"],
      [" s.ara@gmail.com ", "sara@gmail.com"],
      ["s.a.r.a+club@gmail.com", "sara@gmail.com"],
      ["sara+a+b@example.com", "sara@example.com"],
      ["first.last@mail.co.ir", "firstlast@mail.co.ir"],
    ])("should read %j as %j", (typed, email) => {
      expect(normalizeEmail(typed)).toBe(email)
    })

    it.each([[null], [undefined], [""], ["sara"], ["@example.com"], ["sara@"], ["+tag@example.com"], ["...@x.com"]])(
      "should give null for %j",
      (typed) => {
        expect(normalizeEmail(typed as any)).toBeNull()
      }
    )
  })

  describe("normalizeAddress", () => {
    it.each([
      ["Valiasr St., No. 12", "1234567890", "valiasrstno12|1234567890"],
      ["valiasr st no 12", "12345-67890", "valiasrstno12|1234567890"],
      ["VALIASR-ST #12", " 12345 67890 ", "valiasrst12|1234567890"],
      ["Valiasr St. No. ۱۲", "۱۲۳۴۵۶۷۸۹۰", "valiasrstno12|1234567890"],
      ["Valiasr St. No. ١٢", "١٢٣٤٥٦٧٨٩٠", "valiasrstno12|1234567890"],
      ["خیابان ولیعصر، پلاک ۱۲", "1234567890", "خیابانولیعصرپلاک12|1234567890"],
      // The Arabic yeh and kaf read as the Persian ones.
      ["خيابان ولي‌عصر، پلاك ۱۲", "1234567890", "خیابانولیعصرپلاک12|1234567890"],
      ["Valiasr St", null, "valiasrst|"],
    ])("should read %j %j as %j", (street, postal, key) => {
      expect(normalizeAddress(street, postal as any)).toBe(key)
    })

    it("should give null for an address with no street line", () => {
      expect(normalizeAddress(null, "1234567890")).toBeNull()
      expect(normalizeAddress("  ,. - ", "1234567890")).toBeNull()
    })

    it("should tell apart the same street with another postal code", () => {
      expect(normalizeAddress("Valiasr St 12", "1111111111")).not.toBe(normalizeAddress("Valiasr St 12", "2222222222"))
    })
  })

  describe("referralLink", () => {
    it.each([
      ["https://shop.example.com", "https://shop.example.com?ref=AB34CD"],
      ["https://shop.example.com/", "https://shop.example.com/?ref=AB34CD"],
      ["https://shop.example.com/join", "https://shop.example.com/join?ref=AB34CD"],
      ["https://shop.example.com/?utm_source=sms", "https://shop.example.com/?utm_source=sms&ref=AB34CD"],
      ["https://shop.example.com/?a=1&", "https://shop.example.com/?a=1&ref=AB34CD"],
      ["https://shop.example.com/?", "https://shop.example.com/?ref=AB34CD"],
      ["https://shop.example.com/join#top", "https://shop.example.com/join?ref=AB34CD#top"],
      ["https://shop.example.com/?a=1#top", "https://shop.example.com/?a=1&ref=AB34CD#top"],
    ])("should add the code to %j", (base, link) => {
      expect(referralLink(base, "AB34CD")).toBe(link)
    })
  })

  describe("maskPhone", () => {
    it.each([
      ["+989121234567", "0912***4567"],
      ["+989351110000", "0935***0000"],
      ["+12015550123", "+1201***0123"],
      ["+447911123456", "+4479***3456"],
    ])("should mask %s as %s", (phone, masked) => {
      expect(maskPhone(phone)).toBe(masked)
    })

    it.each([[null], [undefined], [""], ["09121234567"], ["+98212222333"], ["+98912"]])("should give null for %j", (phone) => {
      expect(maskPhone(phone as any)).toBeNull()
    })
  })

  describe("reasons", () => {
    it("should name every refusal and hold the referral records", () => {
      expect(REFUSAL_REASONS).toEqual([
        "self_referral",
        "self_phone",
        "self_email",
        "self_address",
        "friend_ordered",
        "friend_phone_seen",
        "referrer_cap",
        "shop_refused",
      ])
      expect(HOLD_REASONS).toEqual(["many_from_address", "many_from_device", "paid_with_credit"])
    })
  })
})
