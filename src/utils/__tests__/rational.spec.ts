import { Rational, rational, reduce, toDecimal } from "../rational"

// The formatting `toDecimal` had first: scale the numerator by 10^places,
// divide, round with the remainder, pad and strip zeros with a regex. The
// current one (one division, no regex) must print exactly the same.
function reference(a: Rational, places: number, mode: "down" | "half_up"): string {
  const scale = 10n ** BigInt(places)
  const scaled = a.n * scale
  let q = scaled / a.d
  const rem = scaled % a.d
  if (mode === "half_up" && (rem < 0n ? -rem : rem) * 2n >= a.d) {
    q += scaled < 0n ? -1n : 1n
  }
  const negative = q < 0n
  let digits = (negative ? -q : q).toString()
  if (places > 0) {
    digits = digits.padStart(places + 1, "0")
    const frac = digits.slice(-places).replace(/0+$/, "")
    digits = frac ? `${digits.slice(0, -places)}.${frac}` : digits.slice(0, -places)
  }
  return negative && digits !== "0" ? `-${digits}` : digits
}

// A small deterministic generator, so a failure can be replayed.
function generator(seed: number) {
  return (bits: number) => {
    let x = 0n
    for (let i = 0; i < bits; i += 24) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      x = (x << 24n) | BigInt(seed & 0xffffff)
    }
    return x >> BigInt(Math.ceil(bits / 24) * 24 - bits)
  }
}

const PLACES = [0, 1, 2, 3, 9, 10, 11, 19, 20, 21]
const MODES = ["down", "half_up"] as const

describe("toDecimal", () => {
  it("should print what the BigInt formatting prints, for small and large fractions", () => {
    const random = generator(7)
    const mismatches: string[] = []
    for (let t = 0; t < 20000; t++) {
      // Small and large numerators and denominators, up to 70 bits.
      const d = random(1 + (t % 56)) + 1n
      const n = random(1 + ((t * 7) % 70)) * (t % 3 === 0 ? -1n : 1n)
      for (const places of PLACES) {
        for (const mode of MODES) {
          const a = { n, d }
          if (toDecimal(a, places, mode) !== reference(a, places, mode)) {
            mismatches.push(`${n}/${d} ${places} ${mode}`)
          }
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([])
  })

  it.each([
    // A half in the last place carries through every digit.
    [{ n: 2n * 10n ** 14n - 1n, d: 2n * 10n ** 14n }, 14, "1"],
    [{ n: -(2n * 10n ** 14n - 1n), d: 2n * 10n ** 14n }, 14, "-1"],
    [{ n: 2n * 10n ** 14n - 1n, d: 2n * 10n ** 14n }, 20, "0.999999999999995"],
    [{ n: 1n, d: 3n }, 20, "0.33333333333333333333"],
    [{ n: 2n, d: 3n }, 20, "0.66666666666666666667"],
    [{ n: 2n, d: 3n }, 0, "1"],
    [{ n: -1n, d: 3n }, 0, "0"],
    [{ n: 125400000n, d: 137n }, 20, "915328.46715328467153284672"],
    [{ n: 2n ** 52n, d: 7n }, 20, "643371375338642.28571428571428571429"],
    [{ n: 150000000n, d: 1n }, 20, "150000000"],
    [{ n: 34n, d: 10n }, 2, "3.4"],
  ])("should print %p to %p places as %p", (a, places, expected) => {
    expect(toDecimal(a as Rational, places as number, "half_up")).toBe(expected)
    expect(reference(a as Rational, places as number, "half_up")).toBe(expected)
  })
})

describe("rational", () => {
  it.each([
    ["12.50", 1250n, 100n],
    ["-0.5", -5n, 10n],
    [" 300 ", 300n, 1n],
    [300, 300n, 1n],
    ["999999999999999", 999999999999999n, 1n],
    ["1234567890123456789.5", 12345678901234567895n, 10n],
    ["1e3", 1000n, 1n],
    ["0.0000001", 1n, 10000000n],
    // Not plain decimals: bignumber.js reads these.
    [".5", 5n, 10n],
    ["1.", 1n, 1n],
  ])("should read %p exactly", (x, n, d) => {
    expect(rational(x)).toEqual({ n, d })
  })

  it.each(["", "-", "1.2.3", "--1", "abc"])("should refuse %p", (x) => {
    expect(() => rational(x)).toThrow()
  })
})

describe("reduce", () => {
  it("should give lowest terms with small and large parts", () => {
    expect(reduce({ n: 22440n, d: 137000n })).toEqual({ n: 561n, d: 3425n })
    expect(reduce({ n: -6n, d: 4n })).toEqual({ n: -3n, d: 2n })
    expect(reduce({ n: 3n * 2n ** 70n, d: 2n ** 71n })).toEqual({ n: 3n, d: 2n })
    expect(reduce({ n: 0n, d: 5n })).toEqual({ n: 0n, d: 1n })
  })
})
