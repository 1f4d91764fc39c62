// What src/admin/__tests__/i18n.spec.ts checks, as pure functions over the
// locale files and the admin's source text: the keys of every language, the
// string literals of the source (a small tokenizer, so comments, regular
// expressions and JSX text do not count as strings), and the problems found.
import * as fs from "fs"
import * as path from "path"

/** i18next's plural suffixes (JSON v4, the dashboard's i18next 23). */
const PLURAL = /_(zero|one|two|few|many|other)$/

/**
 * Latin words a Persian or Arabic string may keep. Keep it tiny: a word
 * belongs here only if shop owners read it in Latin letters (a currency
 * code). Brand names and data go in `<Ltr>`/`<Data>` in the code instead.
 */
export const LATIN_ALLOWED = new Set(["IRR"])

export type Locales = Record<string, Record<string, string>>

export function pluralBase(key: string): string | undefined {
  return PLURAL.test(key) ? key.replace(PLURAL, "") : undefined
}

const pluralSuffix = (key: string) => PLURAL.exec(key)?.[1]

/** The plural categories i18next asks for in a language (Intl, as i18next does). */
export function pluralCategories(lang: string): string[] {
  return new Intl.PluralRules(lang).resolvedOptions().pluralCategories
}

/**
 * Every locales/<lang>/<area>.json as flat keys "area.path.to.key", and the
 * files' shape problems (a value that is not a string, a key with a dot).
 */
export function loadLocales(dir: string): { locales: Locales; areas: Record<string, string[]>; problems: string[] } {
  const locales: Locales = {}
  const areas: Record<string, string[]> = {}
  const problems: string[] = []
  for (const lang of fs.readdirSync(dir).sort()) {
    if (!fs.statSync(path.join(dir, lang)).isDirectory()) continue
    locales[lang] = {}
    areas[lang] = []
    for (const file of fs.readdirSync(path.join(dir, lang)).sort()) {
      if (!file.endsWith(".json")) continue
      const area = file.slice(0, -".json".length)
      areas[lang].push(area)
      const json = JSON.parse(fs.readFileSync(path.join(dir, lang, file), "utf8"))
      flatten(json, area, locales[lang], (p) => problems.push(`${lang}: ${p}`))
    }
  }
  return { locales, areas, problems }
}

function flatten(value: unknown, prefix: string, into: Record<string, string>, problem: (p: string) => void) {
  if (typeof value === "string") {
    into[prefix] = value
  } else if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (!k || k.includes(".")) problem(`${prefix}: the key "${k}" is empty or has a dot`)
      flatten(v, `${prefix}.${k}`, into, problem)
    }
  } else {
    problem(`${prefix} is not a string`)
  }
}

/** The names of a value's {{placeholders}} ({{count}}, {{amount, number}}). */
export function placeholders(value: string): string[] {
  return [...value.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]).sort()
}

/** Latin words (2+ letters) in a value, placeholders, nesting and tags aside. */
export function latinWords(value: string): string[] {
  const text = value
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/\$t\([^)]*\)/g, " ")
    .replace(/<\/?[\w-]+\s*\/?>/g, " ")
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w))
}

export type SourceString = {
  value: string
  line: number
  /** A template literal with `${}`: `value` is its text up to the first `${`. */
  dynamic: boolean
  /** The first argument of `t(...)` (or `i18nKey=`). */
  call: boolean
}

const WORDS_BEFORE_REGEX = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"])

/**
 * The string literals of a TypeScript/TSX source: quoted strings and
 * template literals, skipping comments and regular expression literals. A
 * quote that does not close on its line (an apostrophe in JSX text) is not a
 * string.
 */
export function sourceStrings(src: string): SourceString[] {
  const out: SourceString[] = []
  const newlines: number[] = []
  for (let k = 0; k < src.length; k++) if (src[k] === "\n") newlines.push(k)
  const lineOf = (index: number) => {
    let lo = 0
    let hi = newlines.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (newlines[mid] < index) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  }
  const isCall = (start: number) => /(?<![\w$])t\(\s*$|i18nKey=\{?\s*$/.test(src.slice(Math.max(0, start - 40), start))
  const add = (value: string, start: number, dynamic: boolean) =>
    out.push({ value, line: lineOf(start), dynamic, call: isCall(start) })

  // Open template literals: the brace depth their `${` opened at, their text.
  const templates: { depth: number; start: number; text: string; dynamic: boolean }[] = []
  let depth = 0
  let prev = "" // the last significant character ("a" for a word, '"' for a string)
  let prevWord = ""
  let i = 0

  /** Reads template text from i until "`" (closes it) or "${" (opens code). */
  const readTemplate = () => {
    const tpl = templates[templates.length - 1]
    while (i < src.length) {
      const c = src[i]
      if (c === "\\") {
        tpl.text += src.slice(i, i + 2)
        i += 2
      } else if (c === "`") {
        templates.pop()
        add(tpl.text, tpl.start, tpl.dynamic)
        i++
        prev = '"'
        return
      } else if (c === "$" && src[i + 1] === "{") {
        tpl.dynamic = true
        tpl.depth = depth
        depth++
        i += 2
        prev = "{"
        return
      } else {
        if (!tpl.dynamic) tpl.text += c
        i++
      }
    }
  }

  while (i < src.length) {
    const c = src[i]
    if (/\s/.test(c)) {
      i++
    } else if (c === "/" && src[i + 1] === "/") {
      const end = src.indexOf("\n", i)
      i = end < 0 ? src.length : end
    } else if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2)
      i = end < 0 ? src.length : end + 2
    } else if (c === '"' || c === "'") {
      let j = i + 1
      let value = ""
      while (j < src.length && src[j] !== c && src[j] !== "\n") {
        if (src[j] === "\\") {
          value += src[j + 1] ?? ""
          j += 2
        } else {
          value += src[j++]
        }
      }
      if (src[j] === c) {
        add(value, i, false)
        i = j + 1
        prev = '"'
      } else {
        i++ // not a string: an apostrophe in JSX text
        prev = c
      }
    } else if (c === "`") {
      templates.push({ depth: -1, start: i, text: "", dynamic: false })
      i++
      readTemplate()
    } else if (c === "/" && regexMayStart(prev, prevWord)) {
      let j = i + 1
      let inClass = false
      while (j < src.length && src[j] !== "\n") {
        if (src[j] === "\\") j++
        else if (src[j] === "[") inClass = true
        else if (src[j] === "]") inClass = false
        else if (src[j] === "/" && !inClass) break
        j++
      }
      if (src[j] === "/") {
        i = j + 1
        while (/[a-z]/i.test(src[i] ?? "")) i++
        prev = "a"
      } else {
        i++
        prev = c
      }
    } else if (/[\w$]/.test(c)) {
      let j = i
      while (j < src.length && /[\w$]/.test(src[j])) j++
      prevWord = src.slice(i, j)
      prev = "a"
      i = j
    } else {
      if (c === "{") depth++
      if (c === "}") {
        depth--
        const tpl = templates[templates.length - 1]
        if (tpl && tpl.depth === depth) {
          i++
          readTemplate()
          continue
        }
      }
      prev = c
      i++
    }
  }
  return out
}

function regexMayStart(prev: string, prevWord: string) {
  if (prev === "a") return WORDS_BEFORE_REGEX.has(prevWord)
  // "<" aside: in TSX "</Tag>" closes an element.
  return prev === "" || "(,=:[!&|?{};+-*%>~^".includes(prev)
}

export type SourceFile = { file: string; text: string }

/** src/admin's .ts/.tsx files, tests and the i18n folder aside. */
export function adminSources(adminDir: string): SourceFile[] {
  const files: SourceFile[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== "__tests__" && entry.name !== "node_modules") walk(full)
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.push({ file: path.relative(adminDir, full), text: fs.readFileSync(full, "utf8") })
      }
    }
  }
  walk(adminDir)
  return files.sort((a, b) => a.file.localeCompare(b.file))
}

export type Problems = {
  shape: string[]
  missing: string[]
  plurals: string[]
  empty: string[]
  latin: string[]
  placeholders: string[]
  unused: string[]
  unknown: string[]
  dynamic: string[]
}

/**
 * Everything wrong with the keys: `languages` are compared to `reference`
 * (English). Keys of `exemptFromUnused` areas (errors: the API's codes pick
 * them) need no literal in the source.
 */
export function keyProblems(
  locales: Locales,
  sources: SourceFile[],
  { reference = "en", rtl = ["fa", "ar"], exemptFromUnused = ["errors"] } = {}
): Problems {
  const p: Problems = {
    shape: [],
    missing: [],
    plurals: [],
    empty: [],
    latin: [],
    placeholders: [],
    unused: [],
    unknown: [],
    dynamic: [],
  }
  const langs = Object.keys(locales).sort()

  // Plain keys and plural families ("area.x" for "area.x_one", "area.x_other").
  const plain: Record<string, Set<string>> = {}
  const families: Record<string, Map<string, Set<string>>> = {}
  for (const lang of langs) {
    plain[lang] = new Set()
    families[lang] = new Map()
    for (const key of Object.keys(locales[lang])) {
      const base = pluralBase(key)
      if (base) {
        if (!families[lang].has(base)) families[lang].set(base, new Set())
        families[lang].get(base)!.add(pluralSuffix(key)!)
      } else {
        plain[lang].add(key)
      }
    }
  }
  const allPlain = new Set(langs.flatMap((l) => [...plain[l]]))
  const allFamilies = new Set(langs.flatMap((l) => [...families[l].keys()]))
  for (const key of [...allPlain].sort()) {
    for (const lang of langs) if (!plain[lang].has(key)) p.missing.push(`${lang}: ${key}`)
  }
  for (const base of [...allFamilies].sort()) {
    for (const lang of langs) {
      const have = families[lang].get(base)
      if (!have) {
        p.missing.push(`${lang}: ${base}_* (plural)`)
        continue
      }
      // i18next picks the form by Intl.PluralRules of the language; a form
      // it finds missing falls back to English ("3 days" in Arabic).
      const need = pluralCategories(lang)
      const lacking = need.filter((c) => !have.has(c))
      const extra = [...have].filter((c) => !need.includes(c) && c !== "zero")
      if (lacking.length) p.plurals.push(`${lang}: ${base} lacks ${lacking.map((c) => `_${c}`).join(", ")}`)
      if (extra.length) p.plurals.push(`${lang}: ${base} has ${extra.map((c) => `_${c}`).join(", ")}, never used in ${lang}`)
    }
    for (const lang of langs) if (plain[lang].has(base)) p.plurals.push(`${lang}: ${base} is both a plain key and a plural`)
  }

  for (const lang of langs) {
    for (const [key, value] of Object.entries(locales[lang])) {
      if (!value.trim()) p.empty.push(`${lang}: ${key}`)
      if (rtl.includes(lang)) {
        const words = latinWords(value)
        if (words.length) p.latin.push(`${lang}: ${key}: ${words.join(", ")} in "${value}"`)
      }
    }
  }

  // Placeholders: the same in every language. In a plural family the
  // general form (_other) carries them all; another form may leave some out
  // ("يومان" is two days in one word), but never bring one of its own.
  const ref = locales[reference] ?? {}
  const list = (names: string[]) => `{{${names.join("}}, {{")}}}`
  for (const lang of langs) {
    if (lang === reference) continue
    for (const [key, value] of Object.entries(locales[lang])) {
      const base = pluralBase(key)
      const got = placeholders(value)
      if (!base) {
        if (key in ref && got.join() !== placeholders(ref[key]).join()) {
          p.placeholders.push(`${lang}: ${key} has ${list(got)} where ${reference} has ${list(placeholders(ref[key]))}`)
        }
        continue
      }
      const refForms = Object.keys(ref).filter((k) => pluralBase(k) === base)
      if (!refForms.length) continue
      if (key === `${base}_other`) {
        const want = placeholders(ref[`${base}_other`] ?? "")
        if (got.join() !== want.join()) {
          p.placeholders.push(`${lang}: ${key} has ${list(got)} where ${reference} has ${list(want)}`)
        }
      } else {
        const known = new Set(refForms.flatMap((k) => placeholders(ref[k])))
        const strange = got.filter((n) => !known.has(n))
        if (strange.length) p.placeholders.push(`${lang}: ${key} has ${list(strange)}, which ${reference} does not have`)
      }
    }
  }

  // The source: literals that are keys, keys the code asks for.
  const keys = new Set(langs.flatMap((l) => Object.keys(locales[l])))
  const bases = new Set([...allFamilies])
  const areas = new Set([...keys].map((k) => k.split(".")[0]))
  const isKey = (s: string) => keys.has(s) || bases.has(s)
  const isSubtree = (s: string) => [...keys].some((k) => k.startsWith(`${s}.`))
  const used = new Set<string>()
  for (const { file, text } of sources) {
    for (const s of sourceStrings(text)) {
      if (s.dynamic) {
        if (s.call && !exemptFromUnused.some((a) => s.value.startsWith(`${a}.`))) {
          p.dynamic.push(`${file}:${s.line}: t(\`${s.value}\${…}\`): write each key literally (a map of literal keys)`)
        }
        continue
      }
      used.add(s.value)
      const keyLike = /^[A-Za-z]\w*(\.[\w-]+)+$/.test(s.value) && areas.has(s.value.split(".")[0])
      if (s.call ? !isKey(s.value) : keyLike && !isKey(s.value) && !isSubtree(s.value)) {
        p.unknown.push(`${file}:${s.line}: "${s.value}" is not a key`)
      }
    }
  }
  for (const key of [...keys].sort()) {
    if (exemptFromUnused.includes(key.split(".")[0])) continue
    const base = pluralBase(key)
    if (!used.has(key) && !(base && used.has(base))) p.unused.push(key)
  }
  p.unused = [...new Set(p.unused.map((k) => pluralBase(k) ?? k))]
  return p
}

