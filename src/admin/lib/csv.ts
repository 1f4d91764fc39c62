// A chart's data as a CSV file the browser saves: UTF-8 with a byte order
// mark (Excel otherwise reads Persian as Latin-1 noise), CRLF lines, every
// field quoted when it must be. Values stay as the API gave them (exact
// decimal strings, Latin digits) so a spreadsheet can compute with them.

export type CsvValue = string | number | boolean | null | undefined

const NUMBER = /^-?\d+(\.\d+)?$/

/**
 * One field: quoted when it holds a comma, quote or line break; text that
 * a spreadsheet would run as a formula (=, +, -, @ first, not a number) is
 * kept as text with a leading apostrophe.
 */
export function csvField(value: CsvValue) {
  if (value === null || value === undefined) return ""
  let text = String(value)
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The file's text: a header line, then one line per row. */
export function toCsv(header: string[], rows: CsvValue[][]) {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n"
}

/** Saves the rows as `fileName` (".csv" added), with the byte order mark. */
export function downloadCsv(fileName: string, header: string[], rows: CsvValue[][]) {
  const blob = new Blob(["\uFEFF", toCsv(header, rows)], { type: "text/csv;charset=utf-8" })
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = fileName.endsWith(".csv") ? fileName : `${fileName}.csv`
  link.style.display = "none"
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
