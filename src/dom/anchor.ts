// DOM glue for saved snippets: a user's selection → quote/position selectors,
// and saved selectors → a range on the live page (possibly changed since).
//
// The "page text" here is every text node under `root` in document order,
// concatenated as is (no separators), leaving out script/style/noscript/
// template and Track Record's own UI hosts. Our highlight marks stay in: they
// only split text nodes, so the text is the same with or without them.
// Position selectors are UTF-16 offsets into this text; they are only hints,
// the quote selector is what re-anchoring relies on (see core/anchoring).
//
// Standard DOM only (TreeWalker, childNodes, nodeType), so it runs in the
// content script and in Node with linkedom.

import { findQuote, quoteSelectorFor } from "~core/anchoring"
import type { TextPositionSelector, TextQuoteSelector } from "~core/snippets/model"

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const DOCUMENT_NODE = 9
// NodeFilter.SHOW_TEXT; the NodeFilter global does not exist in every DOM implementation.
const SHOW_TEXT = 0x4
const SKIPPED_TAGS = new Set(["script", "style", "noscript", "template"])

/** The four boundary fields shared by `Range`, `StaticRange` and a selection's ranges. */
export interface RangeLike {
  startContainer: Node
  startOffset: number
  endContainer: Node
  endOffset: number
}

/** Where a quote sits on the page: DOM boundaries inside text nodes plus offsets into the page text. */
export interface TextAnchor {
  startContainer: Text
  startOffset: number
  endContainer: Text
  endOffset: number
  /** Offsets into `pageText(root).text`. */
  start: number
  end: number
}

interface Entry {
  node: Text
  start: number
}

/**
 * Page text plus the text nodes it came from. `pageText(root)` builds one; text from another
 * extractor can be passed instead (e.g. `{ text, entries: segments }` from `extract.ts`, whose
 * segments have the same `node`/`start` fields), so selectors saved against that text, with its
 * block separators and offsets, anchor against the same text. Gaps between entries are allowed.
 */
export interface PageText {
  text: string
  /** Text nodes with their start offset into `text`, in document order (empty nodes left out). */
  entries: Entry[]
}

function isSkipped(el: Element): boolean {
  const tag = el.localName
  if (SKIPPED_TAGS.has(tag)) return true
  // Our UI hosts are skipped, our highlight marks are not: they wrap page text.
  return tag !== "mark" && el.hasAttribute("data-track-record")
}

/** The page text under `root` and the text nodes it came from. */
export function pageText(root: Node): PageText {
  const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument
  const entries: Entry[] = []
  const parts: string[] = []
  if (!doc) return { text: "", entries }
  // Whether an element is inside a skipped subtree, memoised per parent so the walk stays linear.
  const skipped = new Map<Node, boolean>()
  const inSkipped = (el: Node | null): boolean => {
    if (!el || el === root || el.nodeType !== ELEMENT_NODE) return false
    const known = skipped.get(el)
    if (known !== undefined) return known
    const result = isSkipped(el as Element) || inSkipped(el.parentNode)
    skipped.set(el, result)
    return result
  }
  const walker = doc.createTreeWalker(root, SHOW_TEXT)
  let length = 0
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text
    if (text.data.length === 0 || inSkipped(text.parentNode)) continue
    entries.push({ node: text, start: length })
    parts.push(text.data)
    length += text.data.length
  }
  return { text: parts.join(""), entries }
}

/**
 * Selectors for what `range` covers, or null when it covers no page text (collapsed,
 * outside `root`, or only inside skipped elements).
 */
export function selectorsForRange(
  root: Node,
  range: RangeLike,
  options: { contextLen?: number; page?: PageText } = {}
): { quote: TextQuoteSelector; position: TextPositionSelector } | null {
  const page = options.page ?? pageText(root)
  const contextLen = options.contextLen
  const index = new Map<Node, number>()
  page.entries.forEach((e, i) => index.set(e.node, i))
  const start = textOffset(root, page, index, range.startContainer, range.startOffset)
  const end = textOffset(root, page, index, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  if (page.text.slice(start, end).trim() === "") return null
  return {
    quote: quoteSelectorFor(page.text, start, end, contextLen),
    position: { type: "TextPositionSelector", start, end }
  }
}

/**
 * Finds the saved quote on the page as it is now. Returns null when the quote's text is no
 * longer there (see `findQuote` for what counts as a match).
 */
export function anchorSelectors(
  root: Node,
  quote: Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">,
  position?: Pick<TextPositionSelector, "start" | "end"> | null,
  page: PageText = pageText(root)
): TextAnchor | null {
  const span = findQuote(page.text, quote, position ?? null)
  if (!span || page.entries.length === 0) return null
  const start = boundaryAt(page, span.start, "start")
  const end = boundaryAt(page, span.end, "end")
  if (!start || !end) return null
  return { startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset, start: span.start, end: span.end }
}

/** `anchorSelectors` as a live `Range` (for highlighting or scrolling into view), or null. */
export function rangeForSelectors(
  root: Node,
  quote: Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">,
  position?: Pick<TextPositionSelector, "start" | "end"> | null,
  page?: PageText
): Range | null {
  const anchor = anchorSelectors(root, quote, position, page)
  const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument
  if (!anchor || !doc) return null
  const range = doc.createRange()
  range.setStart(anchor.startContainer, anchor.startOffset)
  range.setEnd(anchor.endContainer, anchor.endOffset)
  return range
}

// ---------------------------------------------------------------- offsets

/**
 * DOM point for text offset `at`. A start belongs to the node where its character begins, an end
 * to the node where the previous character ends, so a range never starts at the very end of one
 * node or ends at the very start of the next. An offset in a gap between entries (a separator
 * another extractor inserted) moves inwards: a start to the next node, an end to the previous one.
 */
function boundaryAt(page: PageText, at: number, side: "start" | "end"): { node: Text; offset: number } | null {
  const i = entryAt(page, at, side)
  if (side === "start") {
    if (i >= 0 && at - page.entries[i].start < page.entries[i].node.data.length) return { node: page.entries[i].node, offset: at - page.entries[i].start }
    const next = page.entries[i + 1]
    return next ? { node: next.node, offset: 0 } : null
  }
  if (i < 0) return null
  const { node, start } = page.entries[i]
  return { node, offset: Math.min(at - start, node.data.length) }
}

function entryAt(page: PageText, at: number, side: "start" | "end"): number {
  const { entries } = page
  let lo = 0
  let hi = entries.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const begins = entries[mid].start
    if (side === "start" ? begins <= at : begins < at) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** Text offset of a DOM boundary point (container, offset), or null when it is outside `root`. */
function textOffset(root: Node, page: PageText, index: Map<Node, number>, container: Node, offset: number): number | null {
  if (container !== root && !root.contains(container)) return null
  if (container.nodeType === TEXT_NODE) {
    const i = index.get(container)
    if (i !== undefined) {
      const e = page.entries[i]
      return e.start + Math.max(0, Math.min(offset, e.node.data.length))
    }
    // A text node that is not page text (inside a skipped element, or empty): use the next page text.
    return offsetBefore(root, page, index, container, true)
  }
  const children = container.childNodes
  if (offset < children.length) return offsetBefore(root, page, index, children[offset], false)
  return offsetBefore(root, page, index, container, true)
}

/**
 * Offset where the first page-text node at or after `node` begins (after its whole subtree when
 * `afterSubtree`), or the text length when there is none.
 */
function offsetBefore(root: Node, page: PageText, index: Map<Node, number>, node: Node, afterSubtree: boolean): number {
  let cur: Node | null = afterSubtree ? following(root, node) : node
  while (cur) {
    const i = index.get(cur)
    if (i !== undefined) return page.entries[i].start
    cur = cur.firstChild ?? following(root, cur)
  }
  return page.text.length
}

/** Next node in document order after `node`'s subtree, staying inside `root`. */
function following(root: Node, node: Node): Node | null {
  let cur: Node | null = node
  while (cur && cur !== root) {
    if (cur.nextSibling) return cur.nextSibling
    cur = cur.parentNode
  }
  return null
}
