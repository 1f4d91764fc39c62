import {
  fmScoreOf,
  isRfmSegment,
  quintileScore,
  quintileScoreSql,
  RFM_SEGMENT_NAMES,
  RFM_SEGMENTS,
  rfmSegmentCaseSql,
  rfmSegmentOf,
} from "../segments"

describe("segments", () => {
  describe("rfmSegmentOf", () => {
    // Every cell of the classic R×FM grid, written out as the contract states it.
    const cells: [number, number, string][] = [
      [5, 1, "new"],
      [5, 2, "potential_loyalist"],
      [5, 3, "potential_loyalist"],
      [5, 4, "champions"],
      [5, 5, "champions"],
      [4, 1, "promising"],
      [4, 2, "potential_loyalist"],
      [4, 3, "potential_loyalist"],
      [4, 4, "loyal"],
      [4, 5, "loyal"],
      [3, 1, "about_to_sleep"],
      [3, 2, "about_to_sleep"],
      [3, 3, "need_attention"],
      [3, 4, "loyal"],
      [3, 5, "loyal"],
      [2, 1, "hibernating"],
      [2, 2, "hibernating"],
      [2, 3, "at_risk"],
      [2, 4, "at_risk"],
      [2, 5, "cant_lose"],
      [1, 1, "lost"],
      [1, 2, "lost"],
      [1, 3, "at_risk"],
      [1, 4, "at_risk"],
      [1, 5, "cant_lose"],
    ]

    it.each(cells)("should name R%i FM%i %s", (r, fm, segment) => {
      expect(rfmSegmentOf(r, fm)).toBe(segment)
    })

    it("should use every named segment somewhere in the grid", () => {
      expect(new Set(cells.map((c) => c[2]))).toEqual(new Set(RFM_SEGMENTS))
    })

    it("should refuse scores outside 1-5", () => {
      expect(() => rfmSegmentOf(0, 3)).toThrow("r must be an integer from 1 to 5, got 0")
      expect(() => rfmSegmentOf(3, 6)).toThrow("fm must be an integer from 1 to 5, got 6")
      expect(() => rfmSegmentOf(2.5, 3)).toThrow(RangeError)
    })

    it("should combine F and M into FM by the mean rounded up", () => {
      expect(fmScoreOf(1, 1)).toBe(1)
      expect(fmScoreOf(1, 2)).toBe(2)
      expect(fmScoreOf(2, 3)).toBe(3)
      expect(fmScoreOf(4, 5)).toBe(5)
      expect(fmScoreOf(5, 5)).toBe(5)
      expect(rfmSegmentOf(5, fmScoreOf(3, 4))).toBe("champions")
    })
  })

  describe("RFM_SEGMENT_NAMES", () => {
    it("should name every segment in English and in Persian without Latin letters", () => {
      for (const segment of RFM_SEGMENTS) {
        expect(RFM_SEGMENT_NAMES[segment].en.length).toBeGreaterThan(0)
        expect(RFM_SEGMENT_NAMES[segment].fa).toMatch(/^[\u0600-\u06FF\u200C ]+$/)
      }
      expect(RFM_SEGMENT_NAMES.champions).toEqual({ en: "Champions", fa: "قهرمانان" })
      expect(RFM_SEGMENT_NAMES.cant_lose.en).toBe("Can't lose them")
      expect(new Set(RFM_SEGMENTS.map((s) => RFM_SEGMENT_NAMES[s].fa)).size).toBe(RFM_SEGMENTS.length)
    })

    it("should tell segment keys from other strings", () => {
      expect(isRfmSegment("at_risk")).toBe(true)
      expect(isRfmSegment("At risk")).toBe(false)
      expect(isRfmSegment(null)).toBe(false)
    })
  })

  describe("quintileScore", () => {
    const scoresOf = (values: number[]) =>
      values.map((v) =>
        quintileScore(
          values.filter((w) => w < v).length,
          values.filter((w) => w === v).length,
          values.length
        )
      )

    it("should give exact quintiles to distinct values", () => {
      expect(scoresOf([1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5])
      expect(scoresOf([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
      expect(scoresOf([5, 4, 3, 2, 1])).toEqual([5, 4, 3, 2, 1])
    })

    it("should give tied values one score, at the middle of their places", () => {
      expect(scoresOf([7, 7, 7, 7])).toEqual([3, 3, 3, 3])
      expect(scoresOf([7])).toEqual([3])
      // Six one-order customers of ten sit at the 30th percentile: F2, not F1 nor F3.
      expect(scoresOf([1, 1, 1, 1, 1, 1, 2, 2, 3, 9])).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5])
      expect(scoresOf([1, 2, 2])).toEqual([1, 4, 4])
    })

    it("should refuse an impossible rank", () => {
      expect(() => quintileScore(0, 0, 3)).toThrow(RangeError)
      expect(() => quintileScore(2, 2, 3)).toThrow("Invalid rank: 2 below and 2 equal among 3")
    })
  })

  describe("SQL generation", () => {
    it("should write the score formula the TypeScript one computes", () => {
      expect(quintileScoreSql("w", "n")).toBe(
        "(1 + (5 * ((rank() OVER w) - 1 + round((cume_dist() OVER w) * (n))::bigint)) / (2 * (n)))::int"
      )
    })

    it("should write a CASE with one branch per grid cell, matching rfmSegmentOf", () => {
      const sql = rfmSegmentCaseSql("r", "fm")
      const branches = [...sql.matchAll(/WHEN (\d) \* 10 \+ (\d) THEN '([a-z_]+)'/g)]
      expect(branches).toHaveLength(25)
      for (const [, r, fm, segment] of branches) {
        expect(rfmSegmentOf(Number(r), Number(fm))).toBe(segment)
      }
      expect(sql.startsWith("(CASE (r) * 10 + (fm) ")).toBe(true)
      expect(sql.endsWith(" ELSE NULL END)")).toBe(true)
    })
  })
})
