// Amounts in Persian words ("یک میلیون و دویست هزار"), shown under amount
// fields in the Persian admin: a slip between Toman and Rial is a zero too
// many, and words catch it. Works on the digits (no float), up to 10^24.

const ONES = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
const TEENS = [
  "ده", "یازده", "دوازده", "سیزده", "چهارده",
  "پانزده", "شانزده", "هفده", "هجده", "نوزده",
]
const TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
const HUNDREDS = [
  "", "صد", "دویست", "سیصد", "چهارصد",
  "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد",
]
const SCALES = [
  "", "هزار", "میلیون", "میلیارد", "تریلیون",
  "کوادریلیون", "کوینتیلیون", "سکستیلیون", "سپتیلیون",
]

function threeDigits(n: number) {
  const parts: string[] = []
  const h = Math.floor(n / 100)
  const rest = n % 100
  if (h) parts.push(HUNDREDS[h])
  if (rest >= 10 && rest < 20) {
    parts.push(TEENS[rest - 10])
  } else {
    if (rest >= 20) parts.push(TENS[Math.floor(rest / 10)])
    if (rest % 10) parts.push(ONES[rest % 10])
  }
  return parts.join(" و ")
}

/**
 * A whole number given as Latin digits in Persian words; null for anything
 * else (a fraction, a sign, too many digits), which shows no words.
 */
export function persianWords(digits: string): string | null {
  const text = digits.replace(/^0+(?=\d)/, "")
  if (!/^\d+$/.test(text) || text.length > SCALES.length * 3) {
    return null
  }
  if (text === "0") {
    return "صفر"
  }
  const groups: number[] = []
  for (let end = text.length; end > 0; end -= 3) {
    groups.unshift(Number(text.slice(Math.max(0, end - 3), end)))
  }
  return groups
    .map((group, i) => {
      const scale = SCALES[groups.length - 1 - i]
      return group ? [threeDigits(group), scale].filter(Boolean).join(" ") : ""
    })
    .filter(Boolean)
    .join(" و ")
}
