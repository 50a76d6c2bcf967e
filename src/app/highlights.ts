// Paints flags without touching the page's DOM where the browser allows it:
// the CSS Custom Highlight API (one Highlight per category). Browsers without
// it get a fallback that wraps text in a <track-record-mark> element.
import type { Settings } from "~core/settings"
import { toRange } from "~dom/ranges"

import type { PageFlag } from "./analyze-page"

export const HIGHLIGHT_NAMES = { vendor: "tr-vendor", claim: "tr-claim", active: "tr-active" } as const
const MARK_TAG = "track-record-mark"

export interface Painter {
  paint(flags: PageFlag[], settings: Settings): void
  setActive(flag: PageFlag | null): void
  clear(): void
  readonly native: boolean
}

function css(settings: Settings): string {
  const { vendor, claim } = settings.colors
  // Vendors: solid underline; claims: wavy underline plus a tint. Never hue alone.
  return `
::highlight(${HIGHLIGHT_NAMES.vendor}) { text-decoration: underline solid ${vendor} 2px; text-underline-offset: 3px; background-color: ${vendor}1f; }
::highlight(${HIGHLIGHT_NAMES.claim}) { text-decoration: underline wavy ${claim} 1.5px; text-underline-offset: 3px; background-color: ${claim}24; }
::highlight(${HIGHLIGHT_NAMES.active}) { background-color: ${claim}55; }
${MARK_TAG}[data-kind="vendor"] { text-decoration: underline solid ${vendor} 2px; text-underline-offset: 3px; background-color: ${vendor}1f; color: inherit; }
${MARK_TAG}[data-kind="claim"] { text-decoration: underline wavy ${claim} 1.5px; text-underline-offset: 3px; background-color: ${claim}24; color: inherit; }
${MARK_TAG}[data-active] { background-color: ${claim}55; }
${MARK_TAG}:focus-visible { outline: 2px solid ${vendor}; outline-offset: 1px; }
`
}

/** One stylesheet for the page, adopted (no DOM node) where possible. */
function createSheet(doc: Document) {
  let sheet: CSSStyleSheet | null = null
  let element: HTMLStyleElement | null = null
  let current = ""
  return {
    set(text: string) {
      // Replacing a sheet restyles the whole page: on a 100,000-node page that is a long task per rescan.
      if (text === current && (sheet || element)) return
      current = text
      try {
        if (!sheet) {
          sheet = new CSSStyleSheet()
          doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
        }
        sheet.replaceSync(text)
        return
      } catch {
        sheet = null
      }
      if (!element) {
        element = doc.createElement("style")
        element.setAttribute("data-track-record", "")
        ;(doc.head ?? doc.documentElement).append(element)
      }
      element.textContent = text
    },
    remove() {
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet)
      element?.remove()
      sheet = null
      element = null
      current = ""
    }
  }
}

export function createPainter(doc: Document): Painter {
  const sheet = createSheet(doc)
  const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights
  const native = Boolean(registry) && typeof Highlight === "function"
  let marks: HTMLElement[] = []
  const rangeOf = new Map<number, Range>()

  function unwrapMarks() {
    for (const mark of marks) {
      const parent = mark.parentNode
      if (!parent) continue
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark)
      mark.remove()
      parent.normalize()
    }
    marks = []
  }

  return {
    native,
    paint(flags, settings) {
      sheet.set(css(settings))
      rangeOf.clear()
      if (native) {
        const vendor = new Highlight()
        const claim = new Highlight()
        for (const flag of flags) {
          const range = toRange(doc, flag.parts)
          if (!range) continue
          rangeOf.set(flag.id, range)
          ;(flag.type === "vendor" ? vendor : claim).add(range)
        }
        registry!.set(HIGHLIGHT_NAMES.vendor, vendor)
        registry!.set(HIGHLIGHT_NAMES.claim, claim)
        return
      }
      // Fallback: wrap single-node flags only, last first so offsets stay valid.
      unwrapMarks()
      for (const flag of [...flags].reverse()) {
        if (flag.parts.startNode !== flag.parts.endNode) continue
        const range = toRange(doc, flag.parts)
        if (!range) continue
        const mark = doc.createElement(MARK_TAG)
        mark.setAttribute("data-track-record", "")
        mark.setAttribute("data-kind", flag.type)
        mark.setAttribute("data-flag", String(flag.id))
        mark.tabIndex = 0
        try {
          range.surroundContents(mark)
          marks.push(mark)
          const r = doc.createRange()
          r.selectNodeContents(mark)
          rangeOf.set(flag.id, r)
        } catch {
          // Range crosses an element boundary: leave that flag unpainted.
        }
      }
    },
    setActive(flag) {
      if (native) {
        const range = flag ? (rangeOf.get(flag.id) ?? toRange(doc, flag.parts) ?? undefined) : undefined
        if (range) registry!.set(HIGHLIGHT_NAMES.active, new Highlight(range))
        else registry!.delete(HIGHLIGHT_NAMES.active)
        return
      }
      for (const mark of marks) mark.toggleAttribute("data-active", flag !== null && mark.dataset.flag === String(flag.id))
    },
    clear() {
      if (native) for (const name of Object.values(HIGHLIGHT_NAMES)) registry!.delete(name)
      unwrapMarks()
      rangeOf.clear()
      sheet.remove()
    }
  }
}

export function flagRange(doc: Document, flag: PageFlag): Range | null {
  return toRange(doc, flag.parts)
}
