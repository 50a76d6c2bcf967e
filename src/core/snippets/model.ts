// The researcher's saved snippets: a quote from a web page plus what Track
// Record knew about it when it was saved (vendors, claim kind, incidents) and
// the researcher's own tags and note.
//
// Snippets are plain JSON so they can live in extension storage, cross the
// message boundary and be exported as-is. Anything that reads snippets from
// outside (storage, an imported file) goes through `validateSnippet`, which
// rebuilds the object field by field and never trusts the input.

import { isIsoDate } from "../dataset/ids"
import { CLAIM_KINDS, INCIDENT_TYPES, type ClaimKind, type IncidentType, type IsoDate } from "../types"

/** Schema of the stored snippet list. Bump it and add a step in `migrate.ts` when `Snippet` changes shape. */
export const SNIPPET_SCHEMA_VERSION = 2

/** Characters of context kept on each side of a quote (the value Hypothesis uses). */
export const QUOTE_CONTEXT_LENGTH = 32

/** W3C Web Annotation `TextQuoteSelector`: the quote plus the text just before and after it. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector"
  exact: string
  prefix: string
  suffix: string
}

/** W3C Web Annotation `TextPositionSelector`: UTF-16 offsets into the page text (see `src/dom/anchor.ts`). Only a hint. */
export interface TextPositionSelector {
  type: "TextPositionSelector"
  start: number
  end: number
}

/** An incident shown next to the snippet when it was saved (a copy: the dataset may change later). */
export interface SnippetIncident {
  id: string
  vendor: string
  date: IsoDate
  type: IncidentType
  title: string
  sources: string[]
}

/** The copy of an incident a snippet keeps. */
export function snippetIncident(incident: Pick<SnippetIncident, keyof SnippetIncident>): SnippetIncident {
  const { id, vendor, date, type, title, sources } = incident
  return { id, vendor, date, type, title, sources }
}

export interface Snippet {
  /** Unique within a store; `[A-Za-z0-9_-]`, at most 64 characters. `createSnippet` derives it from url + quote. */
  id: string
  quote: TextQuoteSelector
  position: TextPositionSelector | null
  /** http(s) only. */
  url: string
  pageTitle: string | null
  /** Publication date of the page, when known. */
  pageDate: IsoDate | null
  /** ISO datetime in UTC (`Date#toISOString` form), so string order is time order. */
  savedAt: string
  /** Parallel arrays: `vendors[i]` is the display name of `vendorIds[i]`. */
  vendorIds: string[]
  vendors: string[]
  claimKind: ClaimKind | null
  /** Id of the claim rule that fired, when the snippet was saved from a flagged claim. */
  rule: string | null
  incidents: SnippetIncident[]
  /** Normalised by `normaliseTags`: trimmed, lower-case, single-spaced, unique. */
  tags: string[]
  note: string
}

export interface SnippetStore {
  version: number
  snippets: Snippet[]
}

/** Size caps. They keep storage and exports bounded and are enforced on every import. */
export const LIMITS = {
  idLength: 64,
  urlLength: 4096,
  exactLength: 20_000,
  contextLength: 256,
  titleLength: 1_000,
  noteLength: 20_000,
  tagLength: 64,
  tags: 32,
  vendors: 50,
  nameLength: 200,
  ruleLength: 200,
  incidents: 50,
  incidentTitleLength: 500,
  sourcesPerIncident: 20
} as const

// ---------------------------------------------------------------- small validators

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const ID = /^[A-Za-z0-9_-]+$/
// Letters, digits, dot, dash, underscore, colon: vendor slugs, rule ids and incident ids are all of this shape.
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/

export { isIsoDate }

/** Parses an ISO datetime with an explicit zone and returns it in `toISOString` form, or null. */
export function normaliseDateTime(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 40 || !ISO_DATETIME.test(value)) return null
  const ms = Date.parse(value)
  if (!Number.isFinite(ms)) return null
  // Reject roll-overs such as 2026-02-30T00:00Z, which Date.parse silently accepts in some engines.
  if (!isIsoDate(value.slice(0, 10))) return null
  return new Date(ms).toISOString()
}

export function isSnippetId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= LIMITS.idLength && ID.test(value)
}

export function isSlug(value: unknown, max: number = LIMITS.nameLength): value is string {
  return typeof value === "string" && value.length <= max && SLUG.test(value)
}

export interface ParsedHttpUrl {
  scheme: "http" | "https"
  /** Lower-case host name without port or user info. */
  hostname: string
}

// Scheme, then an authority without whitespace; path/query/fragment free-form but without whitespace or controls.
const HTTP_URL = /^(https?):\/\/([^\s/?#\\]+)([/?#][^\s]*)?$/i

/**
 * Accepts absolute http(s) URLs only (no `javascript:`, `data:`, `file:` ...).
 * Hand-written because the WHATWG `URL` class is not part of the pure core's runtime.
 */
export function parseHttpUrl(value: unknown): ParsedHttpUrl | null {
  if (typeof value !== "string" || value.length === 0 || value.length > LIMITS.urlLength) return null
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return null
  const m = HTTP_URL.exec(value)
  if (!m) return null
  let host = m[2]
  const at = host.lastIndexOf("@")
  if (at >= 0) host = host.slice(at + 1)
  let hostname: string
  if (host.startsWith("[")) {
    const close = host.indexOf("]")
    if (close < 0) return null
    hostname = host.slice(0, close + 1)
    const rest = host.slice(close + 1)
    if (rest !== "" && !/^:\d{0,5}$/.test(rest)) return null
  } else {
    const colon = host.indexOf(":")
    hostname = colon >= 0 ? host.slice(0, colon) : host
    if (colon >= 0 && !/^\d{0,5}$/.test(host.slice(colon + 1))) return null
  }
  hostname = hostname.toLowerCase().replace(/\.$/, "")
  if (hostname === "" || /[<>"'`{}|^]/.test(hostname)) return null
  return { scheme: m[1].toLowerCase() as "http" | "https", hostname }
}

export function isHttpUrl(value: unknown): value is string {
  return parseHttpUrl(value) !== null
}

/**
 * The site a snippet came from, for grouping: lower-case host name without port or a leading `www.`.
 * Meant for validated snippet URLs, so it only slices (search runs it on thousands of snippets).
 */
export function siteOf(url: string): string {
  const scheme = url.indexOf("://")
  if (scheme < 0) return ""
  let end = url.length
  for (const stop of ["/", "?", "#"]) {
    const at = url.indexOf(stop, scheme + 3)
    if (at >= 0 && at < end) end = at
  }
  let host = url.slice(scheme + 3, end)
  host = host.slice(host.lastIndexOf("@") + 1)
  if (!host.startsWith("[")) {
    const colon = host.indexOf(":")
    if (colon >= 0) host = host.slice(0, colon)
  }
  return host.toLowerCase().replace(/\.$/, "").replace(/^www\./, "")
}

/**
 * The URL as compared when de-duplicating: scheme and host lower-cased, fragment dropped
 * (`#:~:text=` links and in-page anchors point at the same page).
 */
export function urlKey(url: string): string {
  const hash = url.indexOf("#")
  const noFragment = hash >= 0 ? url.slice(0, hash) : url
  return noFragment.replace(/^(https?:\/\/[^/?#]*)/i, (head) => head.toLowerCase())
}

/**
 * Tags are case-insensitive labels: trimmed, inner whitespace collapsed, lower-cased, de-duplicated
 * (first spelling wins), empty ones dropped, then capped at `LIMITS.tags` tags of `LIMITS.tagLength` characters.
 * A string is split on commas, so `"outage, Cloud"` and `["outage", "cloud"]` give the same tags.
 */
export function normaliseTags(input: string | readonly string[]): string[] {
  const raw = typeof input === "string" ? input.split(",") : input
  const out: string[] = []
  const seen = new Set<string>()
  for (const value of raw) {
    if (typeof value !== "string") continue
    const tag = value.replace(/\s+/g, " ").trim().toLowerCase().slice(0, LIMITS.tagLength).trim()
    if (tag === "" || seen.has(tag)) continue
    seen.add(tag)
    out.push(tag)
    if (out.length === LIMITS.tags) break
  }
  return out
}

/** FNV-1a over UTF-16 code units, two independent 32-bit lanes → 16 hex characters. Not cryptographic. */
export function hash64(text: string): string {
  let a = 0x811c9dc5
  let b = 0xcbf29ce4
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193)
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0")
}

/**
 * Stable id for a quote on a page, so saving the same passage twice yields the same id
 * (the page fragment does not count, see `urlKey`).
 */
export function snippetIdFor(url: string, quote: Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">): string {
  return "s-" + hash64([urlKey(url), quote.exact, quote.prefix, quote.suffix].join("\u0000"))
}

// ---------------------------------------------------------------- creation

export interface CreateSnippetInput {
  url: string
  /** The selected text with its context, e.g. from `quoteSelectorFor` or `selectorsForRange`. */
  quote: { exact: string; prefix?: string; suffix?: string }
  position?: { start: number; end: number } | null
  pageTitle?: string | null
  pageDate?: IsoDate | null
  /** Defaults to now. Any ISO datetime with a zone; stored in UTC. */
  savedAt?: string
  /** Defaults to `snippetIdFor(url, quote)`. */
  id?: string
  vendors?: { id: string; name: string }[]
  claimKind?: ClaimKind | null
  rule?: string | null
  incidents?: SnippetIncident[]
  tags?: string | readonly string[]
  note?: string
}

export type CreateSnippetResult = { ok: true; snippet: Snippet } | { ok: false; reason: string }

/**
 * Builds a valid snippet from what the content script or the UI has at hand.
 * Never throws: bad input comes back as `{ ok: false, reason }` with a sentence fit to show.
 * Tags are normalised (`normaliseTags`), text fields are trimmed, the quote keeps its exact text.
 */
export function createSnippet(input: CreateSnippetInput): CreateSnippetResult {
  const url = typeof input?.url === "string" ? input.url.trim() : ""
  const quote = {
    exact: typeof input?.quote?.exact === "string" ? input.quote.exact : "",
    prefix: typeof input?.quote?.prefix === "string" ? input.quote.prefix : "",
    suffix: typeof input?.quote?.suffix === "string" ? input.quote.suffix : ""
  }
  // What the extension itself collected is trimmed to the caps rather than refused, so a save from
  // an odd page still works; what the user typed (quote, note) is refused with a reason instead.
  const vendors = (Array.isArray(input?.vendors) ? input.vendors : [])
    .filter((v, i, all) => all.findIndex((w) => w?.id === v?.id) === i)
    .slice(0, LIMITS.vendors)
  const incidents = (Array.isArray(input?.incidents) ? input.incidents : []).slice(0, LIMITS.incidents).map((inc) => ({
    id: inc?.id,
    vendor: inc?.vendor,
    date: inc?.date,
    type: inc?.type,
    title: typeof inc?.title === "string" ? inc.title.slice(0, LIMITS.incidentTitleLength) : inc?.title,
    sources: (Array.isArray(inc?.sources) ? inc.sources : []).filter(isHttpUrl).slice(0, LIMITS.sourcesPerIncident)
  }))
  const candidate = {
    id: input?.id ?? snippetIdFor(url, quote),
    quote: { type: "TextQuoteSelector", ...quote },
    position: input?.position ? { type: "TextPositionSelector", start: input.position.start, end: input.position.end } : null,
    url,
    pageTitle: typeof input?.pageTitle === "string" ? input.pageTitle.replace(/\s+/g, " ").trim().slice(0, LIMITS.titleLength) || null : null,
    pageDate: input?.pageDate ?? null,
    savedAt: input?.savedAt ?? new Date().toISOString(),
    vendorIds: vendors.map((v) => v?.id),
    vendors: vendors.map((v) => v?.name),
    claimKind: input?.claimKind ?? null,
    rule: input?.rule ?? null,
    incidents,
    tags: normaliseTags(input?.tags ?? []),
    note: typeof input?.note === "string" ? input.note.trim() : ""
  }
  const checked = validateSnippet(candidate)
  return checked.ok ? { ok: true, snippet: checked.snippet } : checked
}

// ---------------------------------------------------------------- validation

export type ValidateResult = { ok: true; snippet: Snippet } | { ok: false; reason: string }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function str(value: unknown, field: string, max: number): string {
  if (typeof value !== "string") throw new Invalid(`${field} must be text`)
  if (value.length > max) throw new Invalid(`${field} is longer than ${max} characters`)
  return value
}

function optStr(value: unknown, field: string, max: number): string | null {
  return value === null || value === undefined ? null : str(value, field, max)
}

function strList(value: unknown, field: string, maxItems: number, maxLength: number): string[] {
  if (!Array.isArray(value)) throw new Invalid(`${field} must be a list`)
  if (value.length > maxItems) throw new Invalid(`${field} has more than ${maxItems} entries`)
  return value.map((v, i) => str(v, `${field}[${i}]`, maxLength))
}

class Invalid extends Error {}

/**
 * Strict check of one stored or imported snippet. Returns a fresh object holding only the known
 * fields, so unknown keys (including `__proto__`) never travel further. Tags are re-normalised.
 */
export function validateSnippet(raw: unknown): ValidateResult {
  try {
    return { ok: true, snippet: checkSnippet(raw) }
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message }
    throw error
  }
}

function checkSnippet(raw: unknown): Snippet {
  if (!isObject(raw)) throw new Invalid("not an object")
  if (!isSnippetId(raw.id)) throw new Invalid("id must be 1–64 letters, digits, '-' or '_'")

  if (!isObject(raw.quote)) throw new Invalid("quote is missing")
  const exact = str(raw.quote.exact, "quote", LIMITS.exactLength)
  if (exact.trim() === "") throw new Invalid("quote is empty")
  const quote: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact,
    prefix: str(raw.quote.prefix ?? "", "quote prefix", LIMITS.contextLength),
    suffix: str(raw.quote.suffix ?? "", "quote suffix", LIMITS.contextLength)
  }

  let position: TextPositionSelector | null = null
  if (raw.position !== null && raw.position !== undefined) {
    if (!isObject(raw.position)) throw new Invalid("position must be an object or null")
    const { start, end } = raw.position
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number))
      throw new Invalid("position must have whole-number start ≤ end")
    position = { type: "TextPositionSelector", start: start as number, end: end as number }
  }

  if (typeof raw.url !== "string" || !isHttpUrl(raw.url)) throw new Invalid("url must be an http(s) address")
  const pageTitle = optStr(raw.pageTitle, "page title", LIMITS.titleLength)
  const pageDate = raw.pageDate === null || raw.pageDate === undefined ? null : raw.pageDate
  if (pageDate !== null && !isIsoDate(pageDate)) throw new Invalid("page date must be a YYYY-MM-DD date")
  const savedAt = normaliseDateTime(raw.savedAt)
  if (savedAt === null) throw new Invalid("saved-at must be an ISO date and time with a time zone")

  const vendorIds = strList(raw.vendorIds ?? [], "vendor ids", LIMITS.vendors, LIMITS.nameLength)
  const vendors = strList(raw.vendors ?? [], "vendors", LIMITS.vendors, LIMITS.nameLength)
  if (vendorIds.length !== vendors.length) throw new Invalid("vendor ids and vendor names do not pair up")
  if (!vendorIds.every((id) => isSlug(id))) throw new Invalid("vendor ids must be slugs")
  if (vendors.some((v) => v.trim() === "")) throw new Invalid("vendor names must not be empty")

  const claimKind = raw.claimKind === null || raw.claimKind === undefined ? null : raw.claimKind
  if (claimKind !== null && !(CLAIM_KINDS as readonly unknown[]).includes(claimKind)) throw new Invalid("unknown claim kind")
  const rule = optStr(raw.rule, "rule", LIMITS.ruleLength)
  if (rule !== null && !isSlug(rule, LIMITS.ruleLength)) throw new Invalid("rule must be a rule id")

  const rawIncidents = raw.incidents ?? []
  if (!Array.isArray(rawIncidents)) throw new Invalid("incidents must be a list")
  if (rawIncidents.length > LIMITS.incidents) throw new Invalid(`more than ${LIMITS.incidents} incidents`)
  const incidents = rawIncidents.map((inc, i): SnippetIncident => {
    if (!isObject(inc)) throw new Invalid(`incident ${i + 1} is not an object`)
    if (!isSlug(inc.id, LIMITS.nameLength)) throw new Invalid(`incident ${i + 1} has no valid id`)
    if (!isIsoDate(inc.date)) throw new Invalid(`incident ${i + 1} date must be YYYY-MM-DD`)
    if (!(INCIDENT_TYPES as readonly unknown[]).includes(inc.type)) throw new Invalid(`incident ${i + 1} has an unknown type`)
    const sources = strList(inc.sources ?? [], `incident ${i + 1} sources`, LIMITS.sourcesPerIncident, LIMITS.urlLength)
    if (!sources.every(isHttpUrl)) throw new Invalid(`incident ${i + 1} sources must be http(s) addresses`)
    return {
      id: inc.id,
      vendor: str(inc.vendor, `incident ${i + 1} vendor`, LIMITS.nameLength),
      date: inc.date,
      type: inc.type as IncidentType,
      title: str(inc.title, `incident ${i + 1} title`, LIMITS.incidentTitleLength),
      sources
    }
  })

  const tags = normaliseTags(strList(raw.tags ?? [], "tags", LIMITS.tags, LIMITS.tagLength))
  const note = str(raw.note ?? "", "note", LIMITS.noteLength)

  return {
    id: raw.id,
    quote,
    position,
    url: raw.url,
    pageTitle,
    pageDate,
    savedAt,
    vendorIds,
    vendors,
    claimKind: claimKind as ClaimKind | null,
    rule,
    incidents,
    tags,
    note
  }
}
