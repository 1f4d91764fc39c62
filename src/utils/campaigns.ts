import BigNumberJS from "bignumber.js"

// Pure helpers of SMS campaigns: how many parts a text costs, the holdout's
// size, and the lift of a campaign over its holdout with a confidence
// interval. No database, no container: unit tested in
// utils/__tests__/campaigns.spec.ts.

// The GSM 03.38 default alphabet (one septet each) and its extension table
// (an escape and a septet: two each). A text with any other character goes
// as UCS-2.
const GSM_BASIC = new Set(
  Array.from(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
  )
)
const GSM_EXTENDED = new Set(Array.from("^{}\\[~]|€\f"))

export type SmsParts = { encoding: "gsm" | "ucs2"; characters: number; parts: number }

/**
 * The parts an SMS of `text` is sent in, as gateways bill it: GSM-7 when
 * every character is in the GSM alphabet (160 characters in one part, 153
 * per part of a longer text, the extension characters `^{}\[~]|€` counting
 * two), else UCS-2 (70 in one part, 67 per part after; a character outside
 * the Basic Multilingual Plane, an emoji, counts two). `characters` is what
 * the parts are counted in (septets or UTF-16 units). An empty text is no
 * part.
 */
export function smsParts(text: string): SmsParts {
  let septets = 0
  let gsm = true
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) {
      septets += 1
    } else if (GSM_EXTENDED.has(ch)) {
      septets += 2
    } else {
      gsm = false
      break
    }
  }
  if (gsm) {
    return { encoding: "gsm", characters: septets, parts: partsOf(septets, 160, 153) }
  }
  return { encoding: "ucs2", characters: text.length, parts: partsOf(text.length, 70, 67) }
}

function partsOf(characters: number, single: number, each: number): number {
  if (characters === 0) {
    return 0
  }
  return characters <= single ? 1 : Math.ceil(characters / each)
}

/**
 * How many of `members` a holdout of `percent` takes: round(n × p / 100),
 * halves up, as the recipients' SQL does (PostgreSQL's numeric `round`).
 */
export function holdoutSize(members: number, percent: number): number {
  return Math.floor((members * percent) / 100 + 0.5)
}

/**
 * What the preview expects of a segment of `members`: the holdout, the
 * targets' share of those who cannot get an SMS (the holdout is drawn at
 * random from the whole segment, so each group carries its share), and the
 * recipients (segment − holdout − skipped).
 */
export function expectedAudience(
  members: number,
  percent: number,
  unreachable: { opted_out: number; no_phone: number }
): { holdout: number; recipients: number; skipped: { opted_out: number; no_phone: number } } {
  const holdout = holdoutSize(members, percent)
  const share = (count: number) => (members ? Math.round((count * (members - holdout)) / members) : 0)
  const skipped = { opted_out: share(unreachable.opted_out), no_phone: share(unreachable.no_phone) }
  return { holdout, skipped, recipients: Math.max(0, members - holdout - skipped.opted_out - skipped.no_phone) }
}

/** One group's orders in a campaign's window: head count, revenue and the sum of each head's revenue squared. */
export type GroupRevenue = {
  customers: number
  buyers: number
  orders: number
  /** Exact decimal strings, in the currency the results are read in. */
  revenue: string
  revenue_squares: string
}

export type GroupFigures = {
  customers: number
  buyers: number
  orders: number
  revenue: string
  revenue_per_head: string
  /** Buyers ÷ customers, 0..1, four decimals as a string ("0.1250"). */
  conversion: string
}

export type Lift = {
  /** Target revenue per head − holdout revenue per head. */
  revenue_per_head: string
  /** That difference as a percent of the holdout's revenue per head; null when the holdout bought nothing. */
  percent: string | null
  ci_low: string
  ci_high: string
  confidence: 0.95
}

// The two-sided 95% quantile of the normal distribution.
const Z_95 = "1.959963984540054"

/** A group's figures as the results show them; per head rounded to the currency's `precision`. */
export function groupFigures(group: GroupRevenue, precision: number): GroupFigures {
  const n = group.customers
  return {
    customers: n,
    buyers: group.buyers,
    orders: group.orders,
    revenue: new BigNumberJS(group.revenue).toFixed(),
    revenue_per_head: n
      ? new BigNumberJS(group.revenue).div(n).decimalPlaces(precision, BigNumberJS.ROUND_HALF_UP).toFixed()
      : "0",
    conversion: n ? new BigNumberJS(group.buyers).div(n).toFixed(4, BigNumberJS.ROUND_HALF_UP) : "0.0000",
  }
}

/**
 * The lift of the targets' revenue per head over the holdout's, with a 95%
 * confidence interval by Welch's normal approximation: the difference of
 * the two means ± z × √(s²ₜ/nₜ + s²ₕ/nₕ), each s² the group's sample
 * variance of revenue per customer (customers without orders count as 0),
 * from Σx and Σx² computed exactly in SQL. The two groups' variances are
 * not assumed equal (Welch), and with the hundreds to thousands of heads a
 * campaign's groups have, the normal quantile stands in for Student's t.
 * Computed in decimals (bignumber.js, 40 significant digits) and rounded
 * once to the currency's precision: these are estimates, not amounts on a
 * ledger. Null when either group is empty (no holdout: nothing to compare
 * with); a group of one has no variance and counts as 0.
 */
export function liftOf(target: GroupRevenue, holdout: GroupRevenue, precision: number): Lift | null {
  if (!target.customers || !holdout.customers) {
    return null
  }
  const BN = BigNumberJS.clone({ DECIMAL_PLACES: 40 })
  const stats = (g: GroupRevenue) => {
    const n = new BN(g.customers)
    const mean = new BN(g.revenue).div(n)
    // s² = (Σx² − n·mean²) / (n − 1)
    const variance =
      g.customers > 1
        ? BN.max(new BN(g.revenue_squares).minus(mean.times(mean).times(n)), 0).div(n.minus(1))
        : new BN(0)
    return { mean, se2: variance.div(n) }
  }
  const t = stats(target)
  const h = stats(holdout)
  const diff = t.mean.minus(h.mean)
  const margin = t.se2.plus(h.se2).sqrt().times(Z_95)
  const round = (v: BigNumberJS) => v.decimalPlaces(precision, BigNumberJS.ROUND_HALF_UP).toFixed()
  return {
    revenue_per_head: round(diff),
    percent: h.mean.isZero() ? null : diff.div(h.mean).times(100).toFixed(1, BigNumberJS.ROUND_HALF_UP),
    ci_low: round(diff.minus(margin)),
    ci_high: round(diff.plus(margin)),
    confidence: 0.95,
  }
}

/**
 * The longest plausible values of a campaign's variables, to measure a
 * wording's parts before sending: a long first name, a balance and an
 * amount in the hundreds of millions, a code of the batches' shape, a long
 * date. A message of real values is never longer than this estimate in
 * most shops (a longer first name is the exception).
 */
export const PLAUSIBLE_LONGEST = {
  first_name: { fa: "عبدالرحیم", en: "Christopher" },
  balance: "999999990",
  amount: "999999990",
  code: "GIFT-7KQ4M9XZP2",
  link: "https://example.com/r/AbCdEfGh",
} as const
