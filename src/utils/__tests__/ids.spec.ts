import { entityIds } from "../ids"

describe("entityIds", () => {
  it("should give unique prefixed ULID-shaped ids that sort by time", () => {
    const ids = entityIds("lthis", 50000, Date.UTC(2026, 10, 23))
    expect(new Set(ids).size).toBe(50000)
    expect(ids.every((id) => /^lthis_[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true)
    // The first 10 characters are the time: 2026-11-23T00:00:00Z.
    expect(ids[0].slice(6, 16)).toBe("01M82V7M00")
    const [later] = entityIds("lthis", 1, Date.UTC(2026, 10, 23, 0, 0, 1))
    expect(later > ids[0]).toBe(true)
  })
})
