// Reading snippet files back in, and merging them into the saved list.
//
// `parseImport` treats the file as hostile: it checks size, nesting and string
// lengths before parsing, refuses prototype-pollution keys, validates every
// item field by field (http(s) URLs only, real dates, length and count caps)
// and rebuilds each snippet from known fields only. It never throws; problems
// with the file as a whole come back as `{ ok: false, reason }`, problems with
// single items as `skipped` entries. Nothing is written anywhere: the caller
// decides whether to `mergeSnippets` and store the result.

import { CLAIM_KINDS, type ClaimKind } from "../types"
import { EXPORT_FORMAT, IRI } from "./export"
import { migrateStore } from "./migrate"
import {
  LIMITS,
  SNIPPET_SCHEMA_VERSION,
  isHttpUrl,
  isIsoDate,
  isSlug,
  isSnippetId,
  normaliseDateTime,
  normaliseTags,
  parseHttpUrl,
  snippetIdFor,
  urlKey,
  validateSnippet,
  type Snippet,
  type ValidateResult
} from "./model"

export type ImportFormat = "json" | "w3c" | "jsonl"

export interface SkippedItem {
  /** 0-based position of the item in the file (for JSON Lines: the 0-based line number). */
  index: number
  /** What is wrong with it, e.g. "url must be an http(s) address" (no position prefix). */
  reason: string
}

export type ImportResult =
  | { ok: true; snippets: Snippet[]; format: ImportFormat; skipped: SkippedItem[] }
  | { ok: false; reason: string }

export interface ImportOptions {
  /** Largest file accepted, in UTF-8 bytes. Default 20 MB (about 20,000 typical snippets). */
  maxBytes?: number
  /** Most items accepted in one file. Default 50,000. */
  maxItems?: number
  /** Used as `savedAt` for W3C annotations without `created`/`modified`. Defaults to now. */
  now?: string
}

export const DEFAULT_MAX_IMPORT_BYTES = 20 * 1024 * 1024
const DEFAULT_MAX_ITEMS = 50_000
/** Deeper than any file we or annotation tools write; stops stack-exhausting junk. */
const MAX_DEPTH = 32
/** No legitimate field comes near this; a longer string means a hostile or broken file. */
const MAX_STRING = 100_000
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"])

class ImportError extends Error {}

/** Reads our JSON export, a stored-snippets backup, JSON Lines, or W3C Web Annotation JSON(-LD). */
export function parseImport(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return parse(text, options)
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, reason: error.message }
    // Anything else is a bug in this module, but an import must never take the page down with it.
    return { ok: false, reason: `The file could not be read (${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}).` }
  }
}

function parse(text: string, options: ImportOptions): ImportResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS
  if (typeof text !== "string") throw new ImportError("Nothing to import: the file could not be read as text.")
  // Every UTF-16 unit is 1–3 UTF-8 bytes, so the exact count is only needed in between.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes))
    throw new ImportError(`The file is too large (${formatBytes(utf8Length(text))}); the limit is ${formatBytes(maxBytes)}.`)
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === "") throw new ImportError("The file is empty.")
  const first = body.trimStart()[0]
  if (first !== "{" && first !== "[") throw new ImportError("This is not a JSON, JSON Lines or Web Annotation file.")

  checkShape(body)

  const whole = tryParse(body)
  if (whole.ok) return fromDocument(whole.value, maxItems, options)

  // Not one JSON value: maybe JSON Lines.
  const lines = body.split(/\r?\n/)
  const nonEmpty = lines.filter((l) => l.trim() !== "")
  if (nonEmpty.length > 1 && tryParse(nonEmpty[0]).ok) return fromLines(lines, maxItems, options)
  throw new ImportError(`The file is not valid JSON; it may be truncated or damaged (${whole.error}).`)
}

// ---------------------------------------------------------------- pre-parse checks

/**
 * One pass over the raw text: bracket depth outside strings and the longest string literal.
 * Jumps from quote to quote with indexOf, so the cost is in the structure, not the prose.
 */
function checkShape(text: string): void {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      const open = i
      let close = text.indexOf('"', i + 1)
      // Skip quotes escaped by an odd number of backslashes.
      while (close >= 0 && isEscaped(text, close)) close = text.indexOf('"', close + 1)
      const length = (close < 0 ? text.length : close) - open - 1
      if (length > MAX_STRING)
        throw new ImportError(`The file contains a text value of ${length.toLocaleString("en")} characters; no field may be longer than ${MAX_STRING.toLocaleString("en")}.`)
      if (close < 0) return
      i = close
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_DEPTH) throw new ImportError(`The file is nested more than ${MAX_DEPTH} levels deep, which no snippet file is.`)
    } else if (c === 0x7d || c === 0x5d) depth--
  }
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0
  for (let j = at - 1; j >= 0 && text.charCodeAt(j) === 0x5c; j--) backslashes++
  return backslashes % 2 === 1
}

// A reviver slows parsing about threefold, so it only runs when a reserved key could be present
// (spelled out, or hidden behind a \u escape).
const MAY_HOLD_RESERVED_KEY = /__proto__|constructor|prototype|\\u/

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let reserved: string | null = null
  let value: unknown
  try {
    value = MAY_HOLD_RESERVED_KEY.test(text)
      ? JSON.parse(text, (key, v) => {
          if (RESERVED_KEYS.has(key)) reserved = key
          return v
        })
      : JSON.parse(text)
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.slice(0, 120) : "parse error" }
  }
  if (reserved !== null) throw new ImportError(`The file contains the reserved key "${reserved}", which snippet files never use; it was not imported.`)
  return { ok: true, value }
}

function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`
}

// ---------------------------------------------------------------- documents

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function hasType(value: Record<string, unknown>, type: string): boolean {
  const t = value.type ?? value["@type"]
  const matches = (x: unknown) => x === type || x === `oa:${type}` || x === `as:${type}`
  return Array.isArray(t) ? t.some(matches) : matches(t)
}

function fromDocument(doc: unknown, maxItems: number, options: ImportOptions): ImportResult {
  if (Array.isArray(doc)) {
    if (doc.length === 0) return { ok: true, snippets: [], format: "json", skipped: [] }
    const w3c = isObject(doc[0]) && ("target" in doc[0] || hasType(doc[0], "Annotation"))
    return w3c ? fromItems(doc, "w3c", maxItems, options) : fromItems(doc, "json", maxItems, options)
  }
  if (!isObject(doc)) throw new ImportError("This is not a snippet file.")

  if (doc.format === EXPORT_FORMAT) {
    if (!Array.isArray(doc.snippets)) throw new ImportError("This Track Record export has no snippet list; it may be damaged.")
    if (typeof doc.version !== "number") throw new ImportError("This Track Record export has no format version; it may be damaged.")
    return fromStoreLike({ version: doc.version, snippets: doc.snippets }, maxItems)
  }
  if (hasType(doc, "AnnotationCollection")) {
    const first = doc.first
    if (typeof first === "string") throw new ImportError("This annotation collection only links to its pages; export it with the annotations embedded.")
    if (!isObject(first) || !Array.isArray(first.items)) throw new ImportError("This annotation collection contains no annotations.")
    return fromItems(first.items, "w3c", maxItems, options)
  }
  if (hasType(doc, "AnnotationPage")) {
    if (!Array.isArray(doc.items)) throw new ImportError("This annotation page contains no annotations.")
    return fromItems(doc.items, "w3c", maxItems, options)
  }
  if (hasType(doc, "Annotation") || "target" in doc) return fromItems([doc], "w3c", maxItems, options)
  // A raw copy of the stored value (`{ version, snippets }`, or the version-less first schema).
  if (Array.isArray(doc.snippets)) return fromStoreLike(doc, maxItems)
  throw new ImportError("This is not a Track Record export or a W3C Web Annotation file.")
}

function fromStoreLike(store: Record<string, unknown>, maxItems: number): ImportResult {
  const items = store.snippets as unknown[]
  if (items.length > maxItems) throw new ImportError(tooMany(items.length, maxItems))
  if (store.version === SNIPPET_SCHEMA_VERSION) return fromItems(items, "json", maxItems, {})
  if (typeof store.version === "number" && store.version > SNIPPET_SCHEMA_VERSION)
    throw new ImportError(`This file was made by a newer version of Track Record (format ${store.version}); update the extension to import it.`)
  const migrated = migrateStore(store)
  if (!migrated.ok) throw new ImportError(migrated.reason)
  return finish(migrated.store.snippets, migrated.dropped, "json", items.length)
}

function fromItems(items: unknown[], format: ImportFormat, maxItems: number, options: ImportOptions): ImportResult {
  if (items.length > maxItems) throw new ImportError(tooMany(items.length, maxItems))
  const now = normaliseDateTime(options.now) ?? new Date().toISOString()
  const snippets: Snippet[] = []
  const skipped: SkippedItem[] = []
  items.forEach((item, index) => {
    const checked = format === "w3c" || (isObject(item) && "target" in item) ? fromAnnotation(item, now) : validateSnippet(item)
    if (checked.ok) snippets.push(checked.snippet)
    else skipped.push({ index, reason: checked.reason })
  })
  return finish(snippets, skipped, format, items.length)
}

function fromLines(lines: string[], maxItems: number, options: ImportOptions): ImportResult {
  const items: unknown[] = []
  const lineNumbers: number[] = []
  lines.forEach((line, i) => {
    if (line.trim() === "") return
    const parsed = tryParse(line)
    if (!parsed.ok) throw new ImportError(`Line ${i + 1} is not valid JSON; the file may be truncated or damaged.`)
    items.push(parsed.value)
    lineNumbers.push(i)
  })
  if (items.length > maxItems) throw new ImportError(tooMany(items.length, maxItems))
  const now = normaliseDateTime(options.now) ?? new Date().toISOString()
  const snippets: Snippet[] = []
  const skipped: SkippedItem[] = []
  items.forEach((item, k) => {
    const checked = isObject(item) && "target" in item ? fromAnnotation(item, now) : validateSnippet(item)
    if (checked.ok) snippets.push(checked.snippet)
    else skipped.push({ index: lineNumbers[k], reason: checked.reason })
  })
  return finish(snippets, skipped, "jsonl", items.length)
}

function finish(snippets: Snippet[], skipped: SkippedItem[], format: ImportFormat, total: number): ImportResult {
  if (snippets.length === 0 && skipped.length > 0) {
    const where = `${format === "jsonl" ? "line" : "item"} ${skipped[0].index + 1}`
    const more = skipped.length > 1 ? ` (and ${skipped.length - 1} more problem${skipped.length > 2 ? "s" : ""})` : ""
    return { ok: false, reason: `None of the ${total} item${total === 1 ? "" : "s"} could be imported: ${where}: ${skipped[0].reason}${more}.` }
  }
  return { ok: true, snippets, format, skipped }
}

function tooMany(n: number, max: number): string {
  return `The file holds ${n.toLocaleString("en")} items; at most ${max.toLocaleString("en")} can be imported at once.`
}

// ---------------------------------------------------------------- W3C annotation → snippet

function asList(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
}

/**
 * Reads one Web Annotation, ours or another tool's. Needs a target with an http(s) `source` and
 * a `TextQuoteSelector`; tags come from `tagging` bodies, the note from commenting/describing
 * bodies (or `bodyValue`), vendors/claim kind/rule from our `classifying` bodies. Classifying
 * bodies from other tools become tags. Incidents are not carried by this format.
 */
export function fromAnnotation(raw: unknown, now: string): ValidateResult {
  if (!isObject(raw)) return { ok: false, reason: "not an annotation object" }
  let source: string | null = null
  let quote: Record<string, unknown> | null = null
  let position: Record<string, unknown> | null = null
  let pageDate: string | null = null
  let sawSource: unknown = undefined
  for (const target of asList(raw.target)) {
    if (!isObject(target)) continue
    sawSource = target.source ?? sawSource
    if (typeof target.source !== "string" || !isHttpUrl(target.source)) continue
    const selectors = asList(target.selector).filter(isObject)
    const q = selectors.find((s) => hasType(s, "TextQuoteSelector"))
    if (!q) continue
    source = target.source
    quote = q
    position = selectors.find((s) => hasType(s, "TextPositionSelector")) ?? null
    for (const state of asList(target.state)) {
      if (isObject(state) && typeof state.sourceDate === "string" && isIsoDate(state.sourceDate.slice(0, 10))) pageDate = state.sourceDate.slice(0, 10)
    }
    break
  }
  if (source === null || quote === null) {
    if (typeof sawSource === "string" && parseHttpUrl(sawSource) === null) return { ok: false, reason: `target source "${sawSource.slice(0, 60)}" is not an http(s) address` }
    return { ok: false, reason: "annotation has no http(s) target with a TextQuoteSelector" }
  }
  if (typeof quote.exact !== "string") return { ok: false, reason: "TextQuoteSelector has no exact text" }
  // Other tools keep longer context; it is only a hint, so the part nearest the quote is kept.
  const prefix = typeof quote.prefix === "string" ? quote.prefix.slice(-LIMITS.contextLength) : ""
  const suffix = typeof quote.suffix === "string" ? quote.suffix.slice(0, LIMITS.contextLength) : ""

  const tags: string[] = []
  const notes: string[] = []
  const vendorIds: string[] = []
  const vendors: string[] = []
  let claimKind: ClaimKind | null = null
  let rule: string | null = null
  if (typeof raw.bodyValue === "string") notes.push(raw.bodyValue)
  for (const body of asList(raw.body)) {
    if (!isObject(body) || typeof body.value !== "string") continue
    const purposes = asList(body.purpose)
    const id = typeof body.id === "string" ? body.id : ""
    if (purposes.includes("tagging")) tags.push(body.value)
    else if (purposes.includes("classifying")) {
      if (id.startsWith(IRI.vendor) && isSlug(id.slice(IRI.vendor.length))) {
        vendorIds.push(id.slice(IRI.vendor.length))
        vendors.push(body.value)
      } else if (id.startsWith(IRI.claimKind) && (CLAIM_KINDS as readonly string[]).includes(id.slice(IRI.claimKind.length))) {
        claimKind = id.slice(IRI.claimKind.length) as ClaimKind
      } else if (id.startsWith(IRI.rule)) {
        rule = id.slice(IRI.rule.length)
      } else tags.push(body.value)
    } else if (purposes.length === 0 || purposes.some((p) => p === "commenting" || p === "describing" || p === "replying" || p === "questioning")) {
      notes.push(body.value)
    }
  }

  const annotationId = typeof raw.id === "string" ? raw.id : ""
  const ownId = annotationId.startsWith(IRI.snippet) ? annotationId.slice(IRI.snippet.length) : ""
  const quoteParts = { exact: quote.exact, prefix, suffix }
  const created = normaliseDateTime(raw.created) ?? normaliseDateTime(raw.modified) ?? now
  const pos =
    position && Number.isSafeInteger(position.start) && Number.isSafeInteger(position.end) && (position.start as number) >= 0 && (position.end as number) >= (position.start as number)
      ? { start: position.start, end: position.end }
      : null
  return validateSnippet({
    id: isSnippetId(ownId) ? ownId : snippetIdFor(source, quoteParts),
    quote: quoteParts,
    position: pos,
    url: source,
    pageTitle: null,
    pageDate,
    savedAt: created,
    vendorIds,
    vendors,
    claimKind,
    rule,
    incidents: [],
    tags: normaliseTags(tags),
    note: notes.join("\n\n")
  })
}

// ---------------------------------------------------------------- merge

export interface MergeResult {
  /** Existing snippets first (same order, merged in place), then the new ones in file order. */
  snippets: Snippet[]
  /** Incoming snippets that were new. */
  added: number
  /** Incoming snippets that matched one already present (or one earlier in the same file). */
  duplicates: number
  /** Existing snippets that gained tags, a note or missing details from a duplicate. */
  updated: number
}

/** Two snippets are the same passage when they share an id, or the URL (ignoring the fragment) and the whole quote selector. */
export function duplicateKey(s: Snippet): string {
  return [urlKey(s.url), s.quote.exact, s.quote.prefix, s.quote.suffix].join("\u0000")
}

/**
 * Adds `incoming` to `existing` without ever dropping an existing snippet. For a duplicate the
 * existing snippet wins field by field: tags are unioned, its note is kept unless empty, and only
 * its empty fields (title, page date, position, claim kind, rule) are filled from the copy; vendors
 * and incidents are unioned. Inputs are not mutated.
 */
export function mergeSnippets(existing: readonly Snippet[], incoming: readonly Snippet[]): MergeResult {
  const snippets = [...existing]
  const byId = new Map<string, number>()
  const byKey = new Map<string, number>()
  snippets.forEach((s, i) => {
    if (!byId.has(s.id)) byId.set(s.id, i)
    const key = duplicateKey(s)
    if (!byKey.has(key)) byKey.set(key, i)
  })
  let added = 0
  let duplicates = 0
  const updated = new Set<number>()
  for (const s of incoming) {
    const key = duplicateKey(s)
    const at = byId.get(s.id) ?? byKey.get(key)
    if (at === undefined) {
      byId.set(s.id, snippets.length)
      byKey.set(key, snippets.length)
      snippets.push(s)
      added++
      continue
    }
    duplicates++
    const merged = mergeOne(snippets[at], s)
    if (merged !== snippets[at]) {
      snippets[at] = merged
      if (at < existing.length) updated.add(at)
    }
  }
  return { snippets, added, duplicates, updated: updated.size }
}

function mergeOne(kept: Snippet, other: Snippet): Snippet {
  const tags = normaliseTags([...kept.tags, ...other.tags])
  const note = kept.note.trim() !== "" ? kept.note : other.note
  const vendorIds = [...kept.vendorIds]
  const vendors = [...kept.vendors]
  other.vendorIds.forEach((id, i) => {
    if (!vendorIds.includes(id) && vendorIds.length < LIMITS.vendors) {
      vendorIds.push(id)
      vendors.push(other.vendors[i])
    }
  })
  const incidents = [...kept.incidents]
  for (const inc of other.incidents) if (!incidents.some((i) => i.id === inc.id) && incidents.length < LIMITS.incidents) incidents.push(inc)
  const merged: Snippet = {
    ...kept,
    position: kept.position ?? other.position,
    pageTitle: kept.pageTitle ?? other.pageTitle,
    pageDate: kept.pageDate ?? other.pageDate,
    claimKind: kept.claimKind ?? other.claimKind,
    rule: kept.rule ?? (kept.claimKind === null ? other.rule : null),
    vendorIds,
    vendors,
    incidents,
    tags,
    note
  }
  const changed =
    tags.length !== kept.tags.length ||
    note !== kept.note ||
    vendorIds.length !== kept.vendorIds.length ||
    incidents.length !== kept.incidents.length ||
    merged.position !== kept.position ||
    merged.pageTitle !== kept.pageTitle ||
    merged.pageDate !== kept.pageDate ||
    merged.claimKind !== kept.claimKind ||
    merged.rule !== kept.rule
  return changed ? merged : kept
}
