// The admin's strings: every key in English, Persian and Arabic, none empty,
// no English left in Persian or Arabic, the same {{placeholders}} everywhere,
// every key used by a screen and every key a screen asks for present. Keys
// are found in the source as string literals, so the code writes each key
// literally (see the admin section of /work/shared/STYLE.md); errors.* keys
// are picked by the API's error codes and need no literal.
import * as fs from "fs"
import * as path from "path"
import { adminSources, keyProblems, latinWords, loadLocales, placeholders, sourceStrings } from "./i18n-keys"

const ADMIN = path.join(__dirname, "..")
const LOCALES = path.join(ADMIN, "i18n", "locales")
const LANGUAGES = ["ar", "en", "fa"]

describe("the admin's translations", () => {
  const { locales, areas, problems: shape } = loadLocales(LOCALES)
  const problems = keyProblems(locales, adminSources(ADMIN))

  it("should have English, Persian and Arabic, with the same areas, each loaded by i18n/index.ts", () => {
    expect(Object.keys(locales).sort()).toEqual(LANGUAGES)
    const index = fs.readFileSync(path.join(ADMIN, "i18n", "index.ts"), "utf8")
    const notLoaded = LANGUAGES.flatMap((lang) =>
      areas[lang].filter((area) => !index.includes(`./locales/${lang}/${area}.json`)).map((a) => `${lang}/${a}.json`)
    )
    expect(notLoaded).toEqual([])
    expect(areas.fa).toEqual(areas.en)
    expect(areas.ar).toEqual(areas.en)
    expect(shape).toEqual([])
  })

  it("should have every key in every language", () => {
    expect(problems.missing).toEqual([])
  })

  it("should have the plural forms each language asks for", () => {
    expect(problems.plurals).toEqual([])
  })

  it("should have no empty value", () => {
    expect(problems.empty).toEqual([])
  })

  it("should leave no English words in Persian and Arabic", () => {
    expect(problems.latin).toEqual([])
  })

  it("should write Persian with Persian yeh and kaf, not the Arabic letters", () => {
    const arabicLetters = fs
      .readdirSync(path.join(LOCALES, "fa"))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(LOCALES, "fa", file), "utf8")
          .split("\n")
          .map((line, i) => ({ where: `fa/${file}:${i + 1}`, line }))
      )
      .filter(({ line }) => /[\u064A\u0643]/.test(line))
      .map(({ where }) => where)
    expect(arabicLetters).toEqual([])
  })

  it("should have the same placeholders in every language", () => {
    expect(problems.placeholders).toEqual([])
  })

  it("should use every key (errors aside) somewhere in src/admin", () => {
    expect(problems.unused).toEqual([])
  })

  it("should ask only for keys that exist, each written literally", () => {
    expect(problems.unknown).toEqual([])
    expect(problems.dynamic).toEqual([])
  })
})

describe("the key scanner", () => {
  it("should find strings, not comments, regular expressions or JSX text", () => {
    const src = [
      `// t("comment.key") isn't code`,
      `/* "block.comment" */`,
      `const re = /["'](x)/g; const half = a / b / c`,
      `const A = { rolling: "tiers.window.rolling", fixed: 'tiers.window.fixed' } as const`,
      `const el = <Text>Don't {t("common.actions.save")}</Text>`,
      `const u = t(\`common.units.\${unit}\`, { n: \`x\${\`inner.key\`}\` })`,
      "const plain = `rules.title`",
    ].join("\n")
    expect(sourceStrings(src)).toEqual([
      { value: "tiers.window.rolling", line: 4, dynamic: false, call: false },
      { value: "tiers.window.fixed", line: 4, dynamic: false, call: false },
      { value: "common.actions.save", line: 5, dynamic: false, call: true },
      { value: "common.units.", line: 6, dynamic: true, call: true },
      { value: "inner.key", line: 6, dynamic: false, call: false },
      { value: "x", line: 6, dynamic: true, call: false },
      { value: "rules.title", line: 7, dynamic: false, call: false },
    ])
  })

  it("should report missing, plural, Latin, placeholder, unused, unknown and built keys", () => {
    const locales = {
      en: {
        "a.used": "Used {{name}}",
        "a.unused": "Unused",
        "a.days_one": "{{count}} day",
        "a.days_other": "{{count}} days",
        "a.onlyEn": "Only",
        "errors.code_x": "Bad",
      },
      fa: {
        "a.used": "SMS {{other}}",
        "a.unused": "",
        "a.days_one": "{{count}} روز",
        "a.days_other": "{{count}} روز",
        "errors.code_x": "بد",
      },
    }
    const sources = [
      {
        file: "x.tsx",
        text: `t("a.used"); t("a.days", { count }); t("a.nope"); const k = "a.typo.key"; t(\`a.\${k}\`); t(\`errors.\${code}\`)`,
      },
    ]
    const p = keyProblems(locales, sources, { rtl: ["fa"] })
    expect(p.missing).toEqual(["fa: a.onlyEn"])
    expect(p.plurals).toEqual([])
    expect(p.empty).toEqual(["fa: a.unused"])
    expect(p.latin).toEqual(['fa: a.used: SMS in "SMS {{other}}"'])
    expect(p.placeholders).toEqual(["fa: a.used has {{other}} where en has {{name}}"])
    expect(p.unused).toEqual(["a.onlyEn", "a.unused"])
    expect(p.unknown).toEqual(['x.tsx:1: "a.nope" is not a key', 'x.tsx:1: "a.typo.key" is not a key'])
    expect(p.dynamic).toEqual(["x.tsx:1: t(`a.${…}`): write each key literally (a map of literal keys)"])
  })

  it("should ask Arabic for its six plural forms", () => {
    const p = keyProblems(
      { en: { "a.d_one": "{{count}} day", "a.d_other": "{{count}} days" }, ar: { "a.d_one": "يوم", "a.d_other": "{{count}} يوم" } },
      [{ file: "x.ts", text: `t("a.d", { count })` }],
      { rtl: ["ar"] }
    )
    expect(p.plurals).toEqual(["ar: a.d lacks _few, _many, _two, _zero"])
    expect(p.placeholders).toEqual([])
    const strange = keyProblems(
      { en: { "a.d_one": "{{count}} day", "a.d_other": "{{count}} days" }, fa: { "a.d_one": "{{n}} روز", "a.d_other": "روز" } },
      [{ file: "x.ts", text: `t("a.d", { count })` }]
    )
    expect(strange.placeholders).toEqual([
      "fa: a.d_one has {{n}}, which en does not have",
      "fa: a.d_other has {{}} where en has {{count}}",
    ])
  })

  it("should read placeholders and Latin words", () => {
    expect(placeholders("{{ amount, number }} {{count}}")).toEqual(["amount", "count"])
    expect(latinWords("{{name}} $t(common.x) <bold>ریال</bold> IRR x")).toEqual([])
  })
})
