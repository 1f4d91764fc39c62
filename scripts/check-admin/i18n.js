// The admin's strings for the check's steps: `tr(key, vars)` reads
// src/admin/i18n/locales/<lang>/<area>.json as the admin does (i18next in
// the dashboard, namespace "loyalty"), so a step finds a button by the words
// the shop owner sees in that language, never by hard-coded English.
const fs = require("fs")
const path = require("path")

const LOCALES = path.join(__dirname, "../../src/admin/i18n/locales")

/** Every area's JSON of one language: { rules: {...}, common: {...} }. */
function loadLocale(lang) {
  const dir = path.join(LOCALES, lang)
  if (!fs.existsSync(dir)) {
    throw new Error(`no admin strings for "${lang}" (${dir})`)
  }
  const areas = {}
  for (const file of fs.readdirSync(dir)) {
    if (file.endsWith(".json")) {
      areas[file.slice(0, -5)] = JSON.parse(
        fs.readFileSync(path.join(dir, file), "utf8")
      )
    }
  }
  return areas
}

/**
 * `tr(key, vars)` for one language, as i18next answers `t(key, vars)`:
 * "rules.form.name.label" is area "rules", path "form.name.label"; with
 * `vars.count` the plural form Intl.PluralRules picks for the language
 * (`_one`/`_other` in English and Persian, six forms in Arabic; `_zero`
 * first when count is 0 and the key has one); `{{name}}` replaced by
 * `vars.name` as given (format numbers yourself: Persian digits are not
 * applied); `$t(other.key)` nested. Throws on a key or a value missing, so
 * a step never looks for text that cannot appear.
 */
function translator(lang) {
  const areas = loadLocale(lang)
  const plural = new Intl.PluralRules(lang)
  const lookup = (key) => {
    let node = areas
    for (const part of key.split(".")) {
      node = node && typeof node === "object" ? node[part] : undefined
    }
    return typeof node === "string" ? node : undefined
  }
  const tr = (key, vars = {}) => {
    let value
    if (vars.count !== undefined) {
      const count = Number(vars.count)
      value =
        (count === 0 ? lookup(`${key}_zero`) : undefined) ??
        lookup(`${key}_${plural.select(count)}`)
    }
    value = value ?? lookup(key)
    if (value === undefined) {
      throw new Error(`tr: no "${key}" in ${lang} (src/admin/i18n/locales)`)
    }
    return value
      .replace(/\$t\(([^)]+)\)/g, (_, nested) => tr(nested.trim()))
      .replace(/\{\{\s*([^}\s,]+)[^}]*\}\}/g, (whole, name) => {
        if (vars[name] === undefined) {
          throw new Error(`tr: "${key}" needs {{${name}}}`)
        }
        return String(vars[name])
      })
  }
  return tr
}

module.exports = { loadLocale, translator }
