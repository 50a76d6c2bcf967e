// Page title and publication date from a document's markup. Dates are taken
// as written (the calendar date in the page's own time zone): a story stamped
// 2024-07-28T23:30:00-07:00 was published on July 28 for its readers.

import type { IsoDate } from "~core/types"

import { articleRoot } from "./extract"

function collapse(text: string | null | undefined): string | null {
  const value = (text ?? "").replace(/\s+/g, " ").trim()
  return value === "" ? null : value
}

/** og:title, then `<title>`, then the first `<h1>`; whitespace collapsed and trimmed; null if none. */
export function pageTitle(doc: Document): string | null {
  for (const meta of Array.from(doc.querySelectorAll("meta"))) {
    const key = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? "").toLowerCase()
    if (key === "og:title") {
      const title = collapse(meta.getAttribute("content"))
      if (title) return title
    }
  }
  return collapse(doc.querySelector("title")?.textContent) ?? collapse(doc.querySelector("h1")?.textContent)
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return null
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1
}

/**
 * The calendar date written at the start of a date or date-time string, or
 * null. Accepts ISO 8601 (`2024-07-28`, `2024-07-28T09:00:00+02:00`,
 * `20240728`), `2024/07/28`, `July 28, 2024` and `28 July 2024`. The time and
 * zone are ignored on purpose.
 */
export function normaliseDate(value: string | null | undefined): IsoDate | null {
  const text = (value ?? "").trim()
  if (text === "") return null
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(text)
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(text)
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text)
  if (m && monthNumber(m[1]) > 0) return isoDate(Number(m[3]), monthNumber(m[1]), Number(m[2]))
  m = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text)
  if (m && monthNumber(m[2]) > 0) return isoDate(Number(m[3]), monthNumber(m[2]), Number(m[1]))
  return null
}

/** `meta name=…` values that carry a publication date, in the order they are trusted. */
const DATE_META_NAMES = ["date", "pubdate", "publish-date", "dc.date"]

function metaValues(doc: Document): Map<string, string[]> {
  const values = new Map<string, string[]>()
  for (const meta of Array.from(doc.querySelectorAll("meta"))) {
    const content = meta.getAttribute("content")
    if (content === null) continue
    for (const attribute of ["property", "name", "itemprop"]) {
      const key = meta.getAttribute(attribute)
      if (!key) continue
      const name = `${attribute}:${key.toLowerCase()}`
      const list = values.get(name) ?? []
      list.push(content)
      values.set(name, list)
    }
  }
  return values
}

/** The first `datePublished` in a JSON-LD value (objects, arrays and `@graph`), depth-limited. */
function jsonLdDate(value: unknown, depth = 0): IsoDate | null {
  if (depth > 6 || value === null || typeof value !== "object") return null
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = jsonLdDate(item, depth + 1)
      if (found) return found
    }
    return null
  }
  const record = value as Record<string, unknown>
  const own = record.datePublished
  const candidates = Array.isArray(own) ? own : [own]
  for (const candidate of candidates) {
    if (typeof candidate === "string") {
      const date = normaliseDate(candidate)
      if (date) return date
    }
  }
  for (const key of ["@graph", "mainEntity", "mainEntityOfPage"]) {
    const found = jsonLdDate(record[key], depth + 1)
    if (found) return found
  }
  return null
}

function jsonLdPublished(doc: Document): IsoDate | null {
  for (const script of Array.from(doc.querySelectorAll("script"))) {
    const type = (script.getAttribute("type") ?? "").trim().toLowerCase()
    if (type !== "application/ld+json") continue
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? "")
    } catch {
      continue // Broken JSON-LD is common; the other sources still apply.
    }
    const date = jsonLdDate(data)
    if (date) return date
  }
  return null
}

function firstValid(values: (string | null | undefined)[] | undefined): IsoDate | null {
  for (const value of values ?? []) {
    const date = normaliseDate(value)
    if (date) return date
  }
  return null
}

/**
 * Publication date as `YYYY-MM-DD`, or null. Sources in order:
 * `article:published_time`; `meta name` date, pubdate, publish-date, dc.date;
 * `itemprop=datePublished`; JSON-LD `datePublished`; the first
 * `<time datetime>` inside the article (article, main or role=main).
 */
export function publishedDate(doc: Document): IsoDate | null {
  const metas = metaValues(doc)
  const fromMeta =
    firstValid(metas.get("property:article:published_time")) ??
    firstValid(metas.get("name:article:published_time")) ??
    firstValid(DATE_META_NAMES.flatMap((name) => metas.get(`name:${name}`) ?? []))
  if (fromMeta) return fromMeta

  const itemprop = Array.from(doc.querySelectorAll("[itemprop]")).filter(
    (el) => el.getAttribute("itemprop")?.split(/\s+/).includes("datePublished") ?? false
  )
  const fromItemprop = firstValid(
    itemprop.map((el) => el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.textContent)
  )
  if (fromItemprop) return fromItemprop

  const fromJsonLd = jsonLdPublished(doc)
  if (fromJsonLd) return fromJsonLd

  const main = articleRoot(doc)
  if (!main) return null
  return firstValid(Array.from(main.querySelectorAll("time[datetime]")).map((el) => el.getAttribute("datetime")))
}
