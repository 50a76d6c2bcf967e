// Turns offsets into the extracted text back into DOM Ranges, using the
// segment map from extract.ts. Offsets that fall in the line breaks inserted
// between blocks snap inwards to the nearest real text.
import type { TextSegment } from "./extract"

/** Index of the last segment whose start is <= offset (binary search; segments are sorted). */
function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0
  let hi = segments.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (segments[mid].start <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

export interface TextRangeParts {
  startNode: Text
  startOffset: number
  endNode: Text
  endOffset: number
  /** Every text node the range touches, in order (for hit-testing). */
  nodes: Text[]
}

export function locateRange(segments: TextSegment[], start: number, end: number): TextRangeParts | null {
  if (!segments.length || end <= start) return null
  let s = segmentAt(segments, start)
  if (s < 0 || start >= segments[s].end) s += 1 // in a gap: move to the next text
  const e = segmentAt(segments, end - 1)
  if (e < 0 || s >= segments.length || e < s) return null
  const startSeg = segments[s]
  const endSeg = segments[e]
  const startOffset = Math.max(0, start - startSeg.start)
  const endOffset = Math.min(endSeg.end - endSeg.start, end - endSeg.start)
  if (s === e && endOffset <= startOffset) return null
  return {
    startNode: startSeg.node,
    startOffset,
    endNode: endSeg.node,
    endOffset: Math.max(0, endOffset),
    nodes: segments.slice(s, e + 1).map((seg) => seg.node)
  }
}

/** A live Range for the parts, or null when the nodes changed since extraction. */
export function toRange(doc: Document, parts: TextRangeParts): Range | null {
  if (!parts.startNode.isConnected || !parts.endNode.isConnected) return null
  if (parts.startOffset > parts.startNode.data.length || parts.endOffset > parts.endNode.data.length) return null
  const range = doc.createRange()
  range.setStart(parts.startNode, parts.startOffset)
  range.setEnd(parts.endNode, parts.endOffset)
  return range
}
