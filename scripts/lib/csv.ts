import Papa from "papaparse"

import { DataError } from "./errors"

export interface CsvRow {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: number
  cells: Record<string, string>
}

/** Parses an RFC 4180 CSV with a header row; rejects missing columns and malformed rows. */
export function parseCsv(text: string, file: string, required: readonly string[]): CsvRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy"
  })
  const firstError = parsed.errors[0]
  if (firstError) {
    const row = firstError.row === undefined ? "" : ` row ${firstError.row + 2}`
    throw new DataError(`${file}${row}: ${firstError.message}`)
  }
  const header = parsed.meta.fields ?? []
  const missing = required.filter((c) => !header.includes(c))
  if (missing.length > 0) throw new DataError(`${file}: missing column(s) ${missing.join(", ")}`)
  return parsed.data.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(header.map((h) => [h, (cells[h] ?? "").trim()]))
  }))
}

/** Splits a `;`-separated cell into trimmed, non-empty items. */
export function splitList(cell: string): string[] {
  return cell
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}
