// The names shoppers read per language (the store, SMS, a receipt), beside
// the shop-side name a tier or a cashback rule always has: the form's two
// fields (Persian right to left, English left to right), their check, the
// API's value (`names`) and the order a list shows them in. Shared by the
// tier and the rule forms and their lists.
import type { TFunction } from "i18next"
import { Control, FieldPath, FieldValues } from "react-hook-form"
import type { AdminLanguage } from "../lib/i18n"
import { textSchema } from "../lib/schema"
import { TextField } from "./fields"

/** The API's `names`: `{ fa: "طلایی", en: "Gold" }`, each optional. */
export type ShopperNames = { fa?: string; en?: string }

/** The API's limit for one name. */
export const SHOPPER_NAME_MAX = 100

/** One name's field: the form value it holds and its words, already translated. */
export type ShopperNameField<T extends FieldValues> = {
  name: FieldPath<T>
  id: string
  label: string
  hint?: string
  placeholder?: string
}

/** The Persian and the English name side by side (one under the other on a narrow screen). */
export function ShopperNamesFields<T extends FieldValues>({
  control,
  fa,
  en,
}: {
  control: Control<T>
  fa: ShopperNameField<T>
  en: ShopperNameField<T>
}) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <TextField control={control} {...fa} dir="rtl" optional />
      <TextField control={control} {...en} dir="ltr" optional />
    </div>
  )
}

/** A name's check: optional, trimmed, at most the API's limit. */
export const shopperNameSchema = (t: TFunction) =>
  textSchema(t, { optional: true, max: SHOPPER_NAME_MAX })

/** The form's values as the API takes them: trimmed, empty ones left out, null for none. */
export function shopperNamesBody(fa: string, en: string): ShopperNames | null {
  const names: ShopperNames = {
    ...(fa.trim() ? { fa: fa.trim() } : {}),
    ...(en.trim() ? { en: en.trim() } : {}),
  }
  return Object.keys(names).length ? names : null
}

/** The names to list under the shop's name, the admin's language first. */
export function shopperNamesShown(
  names: ShopperNames | null | undefined,
  language: AdminLanguage
): string[] {
  const order = language === "en" ? [names?.en, names?.fa] : [names?.fa, names?.en]
  return order.filter((name): name is string => !!name?.trim())
}
