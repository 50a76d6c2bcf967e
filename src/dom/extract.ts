// Readable text of a page, in document order, with a map back to the text
// nodes it came from. One implementation for the live page (content script)
// and for Node (the CLI parses saved pages with linkedom).
//
// Only standard DOM is used: a TreeWalker, `Text.data`, attribute reads,
// `contains` and `closest`. No `innerText` and no layout reads, so walking a
// page never forces a style or layout pass.

import {
  ARTICLE_ROOT_SELECTORS,
  ARTICLE_SKIP_SELECTORS,
  BLOCK_TAGS,
  BOILERPLATE_WORDS,
  SKIP_SELECTORS
} from "./selectors"

export type ExtractMode = "page" | "article"

export interface ExtractOptions {
  /**
   * `page` reads the whole body, as the content script must (it annotates
   * whatever a reader sees). `article` reads the main content only and leaves
   * out navigation, page header/footer, asides, forms and boilerplate.
   * Default `page`.
   */
  mode?: ExtractMode
  /** Stop before the text grows past this many UTF-16 units. Default 2,000,000. */
  maxChars?: number
}

/** `text.slice(start, end) === node.data` at the time of extraction. */
export interface TextSegment {
  node: Text
  start: number
  end: number
}

export interface ExtractedText {
  text: string
  segments: TextSegment[]
  /** True when `maxChars` cut the walk short; the text is then a prefix of the page's text. */
  truncated: boolean
  /** The element that was walked (null for an empty document). */
  root: Element | null
}

/** A resumable walk: call `step` or `collect` until it returns true, then read `result()`. */
export interface TextCollector {
  readonly done: boolean
  /** Walks until `deadline()` returns true (checked every few dozen nodes) or the page is done. */
  step(deadline: () => boolean): boolean
  /** Walks for about `budgetMs` milliseconds of `now()` time. Returns true when done. */
  collect(budgetMs: number, now?: () => number): boolean
  /** The text so far; complete once `done` is true. */
  result(): ExtractedText
}

export const DEFAULT_MAX_CHARS = 2_000_000

// Node and NodeFilter constants, spelled out because Node.js has no `Node` or `NodeFilter` global.
const ELEMENT_NODE = 1
const TEXT_NODE = 3
const DOCUMENT_NODE = 9
const SHOW_ELEMENT = 0x1
const SHOW_TEXT = 0x4

/** How many nodes are walked between two deadline checks. */
const DEADLINE_STRIDE = 32

const SKIP = SKIP_SELECTORS.join(",")
const ARTICLE_SKIP = ARTICLE_SKIP_SELECTORS.join(",")
const BOILERPLATE = new Set(BOILERPLATE_WORDS)
/** First words of layout-modifier classes (`has-sidebar`) that say nothing about the element itself. */
const MODIFIER_PREFIXES = new Set(["has", "with", "no", "without", "show", "hide", "is"])
/** An element holding any of these is a content wrapper, whatever its class says. */
const CONTENT_MARKERS = "h1,article,main,[role=main],[itemprop=articleBody]"
/** Ancestors that make a header/footer part of the content rather than page chrome (the HTML banner/contentinfo rule). */
const SECTIONING = "article,aside,main,nav,section,[role=main],[role=article]"
const LAYOUT_WHITESPACE = /^[ \t\n\r\f]*$/

type ElementTest = (el: Element) => boolean

/** `tag`, `.class`, `[attr]` or `[attr=value]` (value optionally in double quotes). */
const SIMPLE = /^(?:([a-z][a-z0-9-]*)|\.([\w-]+)|\[([\w-]+)(?:=("?)([\w-]+)\4)?\])/
const NOT = /^:not\(([^()]+)\)/

function simpleTest(m: RegExpExecArray): ElementTest {
  const [, tag, className, attr, , value] = m
  if (tag !== undefined) return (el) => el.localName === tag
  if (className !== undefined) return (el) => (el.getAttribute("class") ?? "").split(/\s+/).includes(className)
  if (value === undefined) return (el) => el.hasAttribute(attr)
  return (el) => el.getAttribute(attr) === value
}

/**
 * A fast `el.matches(list.join(","))` for lists of simple selectors: `tag`,
 * `.class`, `[attr]` or `[attr=value]`, each followed by any number of
 * `:not(…)` holding one such selector. Node DOMs compile a selector on every
 * `matches` call (about 50 µs per element for the skip list), which would
 * dominate a 100,000-node page; these checks are plain attribute reads.
 * Anything outside that grammar throws, so the list cannot silently stop matching.
 */
export function compileSelectorList(selectors: readonly string[]): (el: Element) => boolean {
  const tags = new Set<string>()
  const classes: string[] = []
  // Selectors that need more than a tag or class lookup, keyed by the tag or
  // attribute an element must have for them to match at all.
  const byTag = new Map<string, ElementTest[]>()
  const byAttribute = new Map<string, ElementTest[]>()
  const add = (map: Map<string, ElementTest[]>, key: string, test: ElementTest): void => {
    map.set(key, [...(map.get(key) ?? []), test])
  }
  const unsupported = (selector: string): Error =>
    new Error(`Unsupported skip selector ${JSON.stringify(selector)}: use tag, .class or [attr=value], optionally with :not(…)`)

  for (const selector of selectors) {
    const head = SIMPLE.exec(selector)
    if (!head) throw unsupported(selector)
    const exclusions: ElementTest[] = []
    let rest = selector.slice(head[0].length)
    while (rest !== "") {
      const not = NOT.exec(rest)
      const inner = not ? SIMPLE.exec(not[1]) : null
      if (!not || !inner || inner[0] !== not[1]) throw unsupported(selector)
      exclusions.push(simpleTest(inner))
      rest = rest.slice(not[0].length)
    }
    const [, tag, className, attr] = head
    if (exclusions.length === 0 && tag !== undefined) {
      tags.add(tag)
      continue
    }
    if (exclusions.length === 0 && className !== undefined) {
      classes.push(className)
      continue
    }
    const base = simpleTest(head)
    const test: ElementTest = exclusions.length === 0 ? base : (el) => base(el) && !exclusions.some((t) => t(el))
    if (tag !== undefined) add(byTag, tag, test)
    else add(byAttribute, className !== undefined ? "class" : attr, test)
  }
  const classPattern = classes.length > 0 ? new RegExp(`(?:^|\\s)(?:${classes.join("|")})(?=\\s|$)`) : null

  return (el) => {
    const tag = el.localName
    if (tags.has(tag)) return true
    const tagTests = byTag.get(tag)
    if (tagTests) for (const test of tagTests) if (test(el)) return true
    if (!el.hasAttributes()) return false
    for (const name of el.getAttributeNames()) {
      if (name === "class" && classPattern?.test(el.getAttribute("class") ?? "")) return true
      const tests = byAttribute.get(name)
      if (tests) for (const test of tests) if (test(el)) return true
    }
    return false
  }
}

const skipMatch = compileSelectorList(SKIP_SELECTORS)
const articleSkipMatch = compileSelectorList(ARTICLE_SKIP_SELECTORS)

function isDocument(target: Document | Element): target is Document {
  return target.nodeType === DOCUMENT_NODE
}

/**
 * The main-content element of a document: the longest `article`, else `main`,
 * else `[role=main]`; null when the page has none of them. Candidates inside
 * skipped regions or page chrome (teasers in an aside or footer) do not count.
 */
export function articleRoot(doc: Document): Element | null {
  for (const selector of ARTICLE_ROOT_SELECTORS) {
    const found = Array.from(doc.querySelectorAll(selector)).filter(
      (el) => !el.closest(SKIP) && !el.parentElement?.closest(`${ARTICLE_SKIP},footer`)
    )
    if (found.length === 1) return found[0]
    if (found.length > 1) {
      // Listing pages hold several teasers; the story itself is the longest.
      let best = found[0]
      let bestLength = best.textContent?.length ?? 0
      for (const el of found.slice(1)) {
        const length = el.textContent?.length ?? 0
        if (length > bestLength) {
          best = el
          bestLength = length
        }
      }
      return best
    }
  }
  return null
}

function resolveRoot(target: Document | Element, mode: ExtractMode): Element | null {
  if (!isDocument(target)) return target
  if (mode === "article") {
    const main = articleRoot(target)
    if (main) return main
  }
  return target.body ?? target.documentElement
}

/** Boilerplate by class/id words (cookie banner, share bar, related links). */
function isBoilerplate(el: Element): boolean {
  if (!el.hasAttributes()) return false
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.trim()
  if (names === "") return false
  let candidate = false
  for (const name of names.split(/\s+/)) {
    const words = name.toLowerCase().split(/[-_]+/)
    if (MODIFIER_PREFIXES.has(words[0])) continue
    if (words.some((word) => BOILERPLATE.has(word))) {
      candidate = true
      break
    }
  }
  return candidate && el.querySelector(CONTENT_MARKERS) === null
}

function isPageChrome(el: Element): boolean {
  return (el.parentElement?.closest(SECTIONING) ?? null) === null
}

class Collector implements TextCollector {
  done = false
  private readonly root: Element | null
  private readonly mode: ExtractMode
  private readonly maxChars: number
  private readonly walker: TreeWalker | null
  /**
   * Browsers' walkers can jump over a skipped subtree (nextSibling/parentNode).
   * linkedom's has only nextNode, so there the walk passes through the
   * subtree and drops what is inside `skipRoot`.
   */
  private readonly canJump: boolean
  private skipRoot: Element | null = null
  /** The node after a jumped-over subtree, to be handled next. */
  private upcoming: Node | null = null
  /** Open block elements, outermost first; leaving one starts a new line. */
  private readonly blocks: Element[] = []
  private breakPending = false
  /** Whitespace-only text between inline elements; kept only if inline text follows on the same line. */
  private pendingSpaces: Text[] = []
  private readonly parts: string[] = []
  private readonly segments: TextSegment[] = []
  private length = 0
  private truncated = false
  private cached: ExtractedText | null = null

  constructor(target: Document | Element, options: ExtractOptions) {
    this.mode = options.mode ?? "page"
    this.maxChars = options.maxChars ?? DEFAULT_MAX_CHARS
    this.root = resolveRoot(target, this.mode)
    const doc = isDocument(target) ? target : target.ownerDocument
    if (!this.root || this.root.closest(SKIP) !== null) {
      // An editor or hidden region as a whole: nothing readable.
      this.walker = null
      this.canJump = false
      this.done = true
      return
    }
    // No NodeFilter: Chromium calls a JS filter for every node, which made
    // the walk 15 times slower than skipping subtrees ourselves.
    this.walker = doc.createTreeWalker(this.root, SHOW_ELEMENT | SHOW_TEXT)
    this.canJump = typeof this.walker.nextSibling === "function" && typeof this.walker.parentNode === "function"
  }

  /** The first node after `el`'s subtree (null at the end of the walk), moving the walker there. */
  private jumpPast(walker: TreeWalker, el: Element): Node | null {
    walker.currentNode = el
    for (;;) {
      const sibling = walker.nextSibling()
      if (sibling) return sibling
      if (!walker.parentNode()) return null
    }
  }

  private skips(el: Element): boolean {
    if (skipMatch(el)) return true
    if (this.mode !== "article") return false
    if (articleSkipMatch(el)) return true
    const tag = el.localName
    if ((tag === "header" || tag === "footer") && isPageChrome(el)) return true
    if (tag === "form") return el.querySelector(CONTENT_MARKERS) === null
    return isBoilerplate(el)
  }

  step(deadline: () => boolean): boolean {
    if (this.done || !this.walker) return true
    const walker = this.walker
    let count = 0
    for (;;) {
      if (++count % DEADLINE_STRIDE === 0 && deadline()) return false
      const node = this.upcoming ?? walker.nextNode()
      this.upcoming = null
      if (!node) return this.finish()
      if (this.skipRoot) {
        if (this.skipRoot.contains(node)) continue
        this.skipRoot = null
      }
      if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element
        if (this.skips(el)) {
          if (!this.canJump) this.skipRoot = el
          else if ((this.upcoming = this.jumpPast(walker, el)) === null) return this.finish()
          continue
        }
        const tag = el.localName
        if (BLOCK_TAGS.has(tag)) {
          this.closeBlocks(el)
          this.breakPending = true
          if (tag !== "br" && tag !== "hr") this.blocks.push(el)
        }
      } else if (node.nodeType === TEXT_NODE) {
        this.closeBlocks(node)
        if (!this.addText(node as Text)) return this.finish()
      }
    }
  }

  collect(budgetMs: number, now: () => number = () => performance.now()): boolean {
    const end = now() + budgetMs
    return this.step(() => now() >= end)
  }

  result(): ExtractedText {
    if (this.cached) return this.cached
    const result: ExtractedText = {
      text: this.parts.join(""),
      segments: this.segments.slice(),
      truncated: this.truncated,
      root: this.root
    }
    if (this.done) this.cached = result
    return result
  }

  private finish(): true {
    this.done = true
    this.pendingSpaces = []
    return true
  }

  private closeBlocks(node: Node): void {
    const blocks = this.blocks
    while (blocks.length > 0 && !blocks[blocks.length - 1].contains(node)) {
      blocks.pop()
      this.breakPending = true
    }
  }

  /** Appends a text node; false when maxChars is reached. */
  private addText(node: Text): boolean {
    const data = node.data
    if (data.length === 0) return true
    if (LAYOUT_WHITESPACE.test(data)) {
      // Indentation between blocks is layout, not text.
      if (!this.breakPending && this.length > 0) this.pendingSpaces.push(node)
      return true
    }
    // The separator (or held spaces) and the node go in together or not at all,
    // so a cut never leaves a dangling line break.
    const lineBreak = this.breakPending && this.length > 0
    const spaces = this.breakPending ? [] : this.pendingSpaces
    let needed = data.length + (lineBreak ? 1 : 0)
    for (const space of spaces) needed += space.data.length
    if (this.length + needed > this.maxChars) {
      this.truncated = true
      return false
    }
    this.breakPending = false
    this.pendingSpaces = []
    if (lineBreak) {
      this.parts.push("\n")
      this.length += 1
    }
    for (const space of spaces) this.pushNode(space)
    this.pushNode(node)
    return true
  }

  private pushNode(node: Text): void {
    const start = this.length
    this.parts.push(node.data)
    this.length += node.data.length
    this.segments.push({ node, start, end: this.length })
  }
}

/**
 * A resumable text walk over `target` (a document, or any element). Spread it
 * over idle callbacks with `collect(budgetMs)` or `step(deadline)`.
 * The walk follows the live DOM; if the page changes while it is paused,
 * start a new collector for the changed part.
 */
export function createTextCollector(target: Document | Element, options: ExtractOptions = {}): TextCollector {
  return new Collector(target, options)
}

/** The readable text of `target` in one go. */
export function extractText(target: Document | Element, options: ExtractOptions = {}): ExtractedText {
  const collector = createTextCollector(target, options)
  collector.step(() => false)
  return collector.result()
}
