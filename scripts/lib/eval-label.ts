// Gold labels for the evaluation corpus, and the helper that turns surface
// strings into UTF-16 offsets so nobody has to count characters by hand.
import { CLAIM_KINDS, type ClaimKind } from "../../src/core/types"

export interface GoldMention {
  /** Canonical vendor name from data/vendors.csv. */
  vendor: string
  text: string
  start: number
  end: number
}

export interface GoldClaim {
  text: string
  start: number
  end: number
  kind: ClaimKind
  /** Canonical vendor the claim is about, or null when no listed vendor is. */
  vendor: string | null
}

export interface GoldLabels {
  mentions: GoldMention[]
  claims: GoldClaim[]
}

/**
 * A label as first written: offsets may be missing. `nth` (1-based) picks
 * whole-word occurrences of the surface in the text; without it a mention
 * labels every occurrence not inside a longer label, and a claim must occur
 * exactly once.
 */
export interface DraftMention {
  vendor: string
  text: string
  start?: number
  end?: number
  nth?: number | number[]
}

export interface DraftClaim {
  text: string
  kind: ClaimKind
  vendor: string | null
  start?: number
  end?: number
  nth?: number
}

export interface DraftLabels {
  mentions?: DraftMention[]
  claims?: DraftClaim[]
}

const WORD = /[\p{L}\p{N}_]/u

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch)
}

/** Start offsets of `surface` in `text`, whole-word at both ends when the surface starts/ends with a word character. */
export function occurrences(text: string, surface: string): number[] {
  if (surface === "") throw new Error("empty surface")
  const found: number[] = []
  for (let i = text.indexOf(surface); i !== -1; i = text.indexOf(surface, i + 1)) {
    const end = i + surface.length
    const leftOk = !isWordChar(surface[0]) || !isWordChar(text[i - 1])
    const rightOk = !isWordChar(surface[surface.length - 1]) || !isWordChar(text[end])
    if (leftOk && rightOk) found.push(i)
  }
  return found
}

function pick(all: number[], nth: number | number[] | undefined, what: string): number[] {
  if (nth === undefined) return all
  const wanted = Array.isArray(nth) ? nth : [nth]
  return wanted.map((n) => {
    const at = all[n - 1]
    if (at === undefined) throw new Error(`${what}: occurrence ${n} not found (${all.length} found)`)
    return at
  })
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end

/**
 * Resolve a draft into gold labels. Entries that already carry offsets are
 * checked, not moved. Longer mention surfaces are placed first, so "CrowdStrike"
 * never re-labels the inside of "CrowdStrike Holdings".
 */
export function fillLabels(text: string, draft: DraftLabels): GoldLabels {
  const mentions: GoldMention[] = []
  const drafts = [...(draft.mentions ?? [])].sort((a, b) => b.text.length - a.text.length)
  for (const m of drafts) {
    if (m.start !== undefined && m.end !== undefined) {
      mentions.push({ vendor: m.vendor, text: m.text, start: m.start, end: m.end })
      continue
    }
    const covered = (s: number) => mentions.some((o) => overlaps(o, { start: s, end: s + m.text.length }))
    const all = occurrences(text, m.text)
    const starts = m.nth === undefined ? all.filter((s) => !covered(s)) : pick(all, m.nth, `mention "${m.text}"`)
    if (starts.length === 0) throw new Error(`mention "${m.text}" not found`)
    if (starts.some(covered)) throw new Error(`mention "${m.text}": a picked occurrence is inside a longer label`)
    for (const s of starts) mentions.push({ vendor: m.vendor, text: m.text, start: s, end: s + m.text.length })
  }
  const claims: GoldClaim[] = (draft.claims ?? []).map((c) => {
    if (c.start !== undefined && c.end !== undefined) return { text: c.text, start: c.start, end: c.end, kind: c.kind, vendor: c.vendor }
    const all = occurrences(text, c.text)
    const starts = pick(all, c.nth, `claim "${c.text}"`)
    if (starts.length !== 1) throw new Error(`claim "${c.text}" occurs ${starts.length} times; give nth`)
    const s = starts[0]!
    return { text: c.text, start: s, end: s + c.text.length, kind: c.kind, vendor: c.vendor }
  })
  const byStart = <T extends { start: number; end: number }>(a: T, b: T) => a.start - b.start || a.end - b.end
  const labels = { mentions: mentions.sort(byStart), claims: claims.sort(byStart) }
  const problems = checkLabels(text, labels)
  if (problems.length > 0) throw new Error(problems.join("\n"))
  return labels
}

/** Every problem with a set of gold labels: offsets that do not slice to the text, bad kinds, duplicates. */
export function checkLabels(text: string, labels: GoldLabels, vendorNames?: ReadonlySet<string>): string[] {
  const problems: string[] = []
  const spans = [
    ...labels.mentions.map((m) => ({ what: "mention", ...m })),
    ...labels.claims.map((c) => ({ what: "claim", ...c }))
  ]
  for (const s of spans) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > text.length || s.start >= s.end) {
      problems.push(`${s.what} "${s.text}": bad offsets ${s.start}-${s.end}`)
    } else if (text.slice(s.start, s.end) !== s.text) {
      problems.push(`${s.what} "${s.text}": offsets ${s.start}-${s.end} slice to "${text.slice(s.start, s.end)}"`)
    }
  }
  for (const c of labels.claims) {
    if (!(CLAIM_KINDS as readonly string[]).includes(c.kind)) problems.push(`claim "${c.text}": unknown kind ${c.kind}`)
    if (vendorNames && c.vendor !== null && !vendorNames.has(c.vendor)) problems.push(`claim "${c.text}": unknown vendor ${c.vendor}`)
  }
  for (const m of labels.mentions) {
    if (vendorNames && !vendorNames.has(m.vendor)) problems.push(`mention "${m.text}": unknown vendor ${m.vendor}`)
  }
  const sorted = [...labels.mentions].sort((a, b) => a.start - b.start)
  for (let i = 1; i < sorted.length; i++) {
    if (overlaps(sorted[i - 1]!, sorted[i]!)) problems.push(`mentions "${sorted[i - 1]!.text}" and "${sorted[i]!.text}" overlap`)
  }
  return problems
}
