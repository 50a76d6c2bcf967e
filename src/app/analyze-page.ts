// Reads and analyses the live page without ever blocking it: the text walk
// and the analysis both run in slices of a few milliseconds on idle time, and
// the analysis goes paragraph-chunk by chunk (each chunk sees the tail of the
// previous one, so "the company" can still be resolved across the seam).
import type { AnalyzeOptions } from "~core/analyzer"
import type { AnalysisResult, Claim, Mention } from "~core/types"
import { createTextCollector, type TextSegment } from "~dom/extract"
import { locateRange, type TextRangeParts } from "~dom/ranges"

import type { TagBridge } from "./tag-bridge"

export interface PageFlag {
  id: number
  type: "vendor" | "claim"
  start: number
  end: number
  parts: TextRangeParts
  mention?: Mention
  claim?: Claim
}

export interface PageScan {
  text: string
  segments: TextSegment[]
  truncated: boolean
  mentions: Mention[]
  claims: Claim[]
  flags: PageFlag[]
}

const SLICE_MS = 6
const CHUNK_CHARS = 8_000
const CONTEXT_CHARS = 800

type Analyze = (text: string, options?: AnalyzeOptions) => AnalysisResult

export const nextIdle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: 200 })
    else setTimeout(resolve, 0)
  })

/** Paragraph-aligned chunk ends, so a chunk never cuts a sentence in two. */
function chunkEnds(text: string): number[] {
  const ends: number[] = []
  let from = 0
  while (from < text.length) {
    let end = Math.min(text.length, from + CHUNK_CHARS)
    if (end < text.length) {
      const br = text.lastIndexOf("\n", end)
      if (br > from + CHUNK_CHARS / 4) end = br + 1
    }
    ends.push(end)
    from = end
  }
  return ends
}

export async function scanPage(
  root: Element,
  analyze: Analyze,
  options: AnalyzeOptions,
  signal: AbortSignal,
  tags?: TagBridge
): Promise<PageScan | null> {
  const collector = createTextCollector(root, { mode: "page" })
  while (!collector.collect(SLICE_MS)) {
    await nextIdle()
    if (signal.aborted) return null
  }
  const { text, segments, truncated } = collector.result()

  const mentions: Mention[] = []
  const claims: Claim[] = []
  let from = 0
  let sliceStart = performance.now()
  for (const end of chunkEnds(text)) {
    const contextStart = Math.max(0, from - CONTEXT_CHARS)
    const chunk = text.slice(contextStart, end)
    let result = analyze(chunk, options)
    if (tags && tags.pendingCount > 0) {
      // A borderline name wanted part-of-speech tags: fetch them, then decide with them.
      await tags.flush()
      if (signal.aborted) return null
      result = analyze(chunk, options)
    }
    const shift = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + contextStart, end: x.end + contextStart })
    for (const m of result.mentions) if (m.start + contextStart >= from) mentions.push(shift(m))
    for (const c of result.claims) if (c.start + contextStart >= from) claims.push(shift(c))
    from = end
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextIdle()
      if (signal.aborted) return null
      sliceStart = performance.now()
    }
  }

  const flags: PageFlag[] = []
  for (const mention of mentions) {
    const parts = locateRange(segments, mention.start, mention.end)
    if (parts) flags.push({ id: flags.length, type: "vendor", start: mention.start, end: mention.end, parts, mention })
  }
  for (const claim of claims) {
    const parts = locateRange(segments, claim.start, claim.end)
    if (parts) flags.push({ id: flags.length, type: "claim", start: claim.start, end: claim.end, parts, claim })
  }
  flags.sort((a, b) => a.start - b.start || (a.type === "claim" ? 1 : -1))
  flags.forEach((f, i) => (f.id = i))
  return { text, segments, truncated, mentions, claims, flags }
}
