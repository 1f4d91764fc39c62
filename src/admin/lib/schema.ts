// zod pieces for the plugin's forms, with messages in the admin's language.
// Form values are strings as typed (after the field components turned
// Persian digits and separators into plain decimals); each form turns them
// into its API body on submit.
import type { TFunction } from "i18next"
import { z } from "zod"

const DECIMAL = /^\d{1,20}(\.\d{1,18})?$/
const WHOLE = /^\d{1,9}$/

type Options = { optional?: boolean }

const orEmpty = (optional: boolean | undefined, ok: (v: string) => boolean) =>
  (v: string) => (optional && v === "") || ok(v)

/** A plain decimal amount in API units ("10000000"), above zero unless `allowZero`. */
export const amountSchema = (
  t: TFunction,
  { optional, allowZero }: Options & { allowZero?: boolean } = {}
) =>
  z
    .string()
    .refine(orEmpty(optional, (v) => v !== ""), t("common.validation.required"))
    .refine(orEmpty(optional, (v) => v === "" || DECIMAL.test(v)), t("common.validation.amount"))
    .refine(
      orEmpty(optional, (v) => !DECIMAL.test(v) || allowZero || /[1-9]/.test(v)),
      t("common.validation.amountPositive")
    )

/** A percentage 0–100 ("5", "2.5"); 0 only when `allowZero`. */
export const percentSchema = (
  t: TFunction,
  { optional, allowZero }: Options & { allowZero?: boolean } = {}
) =>
  z
    .string()
    .refine(orEmpty(optional, (v) => v !== ""), t("common.validation.required"))
    .refine(orEmpty(optional, (v) => v === "" || DECIMAL.test(v)), t("common.validation.percent"))
    .refine(
      orEmpty(optional, (v) => {
        if (!DECIMAL.test(v)) return true
        const n = Number(v)
        return n <= 100 && (allowZero ? n >= 0 : n > 0)
      }),
      t("common.validation.percentRange")
    )

/** A whole number as typed ("30"), within [min, max]. */
export const wholeNumberSchema = (
  t: TFunction,
  { optional, min = 0, max = 100_000_000, format = String }: Options & {
    min?: number
    max?: number
    format?: (n: number) => string
  } = {}
) =>
  z
    .string()
    .refine(orEmpty(optional, (v) => v !== ""), t("common.validation.required"))
    .refine(orEmpty(optional, (v) => v === "" || WHOLE.test(v)), t("common.validation.wholeNumber"))
    .refine(
      orEmpty(optional, (v) => !WHOLE.test(v) || Number(v) >= min),
      t("common.validation.numberMin", { min: format(min) })
    )
    .refine(
      orEmpty(optional, (v) => !WHOLE.test(v) || Number(v) <= max),
      t("common.validation.numberMax", { max: format(max) })
    )

/** Text, trimmed, at most `max` characters. */
export const textSchema = (
  t: TFunction,
  { optional, max = 255 }: Options & { max?: number } = {}
) =>
  z
    .string()
    .transform((v) => v.trim())
    .refine(orEmpty(optional, (v) => v !== ""), t("common.validation.required"))
    .refine((v) => v.length <= max, t("common.validation.tooLong", { max }))

/** A phone number as typed: digits, spaces, dashes and one leading +. */
export const phoneSchema = (t: TFunction, { optional }: Options = {}) =>
  z
    .string()
    .refine(orEmpty(optional, (v) => v !== ""), t("common.validation.required"))
    .refine(
      orEmpty(optional, (v) => /^\+?[\d\s\-()]{7,20}$/.test(v)),
      t("common.validation.phone")
    )
