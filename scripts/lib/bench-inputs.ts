// Deterministic benchmark inputs: news-like text that names vendors from
// data/vendors.csv and makes reliability claims, mixed with neutral filler,
// plus the HTML pages the browser benchmark serves. The same seed always
// gives the same bytes, so runs on different days compare like with like.
import { readFileSync } from "node:fs"
import { resolve } from "node:path"

import { parseCsv, splitList } from "./csv"

export interface BenchVendor {
  name: string
  products: string[]
}

export interface BenchInput {
  /** Short id used in tables and file names. */
  id: string
  label: string
  text: string
  html: string
  /** Whether vendor names were written into it (the no-vendor page has none). */
  hasVendors: boolean
  /** Elements plus text nodes in <body> (reported for the DOM page). */
  nodes: number
}

export interface InputSizes {
  articleWords: number
  longReadWords: number
  pageBytes: number
  domNodes: number
}

export const FULL_SIZES: InputSizes = { articleWords: 2_000, longReadWords: 20_000, pageBytes: 1_000_000, domNodes: 100_000 }
export const QUICK_SIZES: InputSizes = { articleWords: 300, longReadWords: 1_200, pageBytes: 20_000, domNodes: 3_000 }

/** mulberry32: small, fast and good enough for picking words. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function loadBenchVendors(root: string): BenchVendor[] {
  const file = resolve(root, "data/vendors.csv")
  return parseCsv(readFileSync(file, "utf8"), file, ["vendor", "products"]).map((r) => ({
    name: r.cells.vendor,
    products: splitList(r.cells.products)
  }))
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
const REGIONS = ["Europe", "North America", "the Asia-Pacific region", "Latin America", "the Middle East", "several US states"]
const ANALYSTS = ["Morgan Reeve", "Dana Whitlock", "Priya Natarajan", "Tomasz Kowal", "Lena Hartmann", "Chidi Okafor"]

// Sentences with {V} (a vendor), {P} (one of its products, else its name) and {N} (a number).
const VENDOR_SENTENCES = [
  "{V} said on {D} that all systems had been restored after an outage that lasted about {N} hours.",
  "Customers in {R} reported errors when signing in to {P} for most of the morning.",
  "A spokesperson for {V} said the issue has been fully resolved and that no customer data was affected.",
  "{V} describes {P} as the most reliable platform in the industry.",
  "In a statement, {V} promised 99.99% uptime for the new service tier.",
  "Shares of {V} fell {N}% in early trading before recovering some of the losses.",
  "{A}, an analyst who follows {V}, said the company would need to explain what went wrong.",
  "The faulty update to {P} left thousands of machines unable to start.",
  "{V} says its new release is more secure and resilient than ever.",
  "Rivals were quick to call their own products more reliable, stable and intelligent than {P}.",
  "Security researchers said attackers had exploited a flaw in {P} for weeks before a patch was released.",
  "{V} said it had found no evidence of malicious activity on its network."
]

// Neutral filler: no vendor names, no claim phrases.
const FILLER_SENTENCES = [
  "The council met on {D} evening to discuss the new bus timetable for the northern suburbs.",
  "Rain is expected to clear by the afternoon, with temperatures rising to around {N} degrees.",
  "Residents queued outside the library, which reopened after a long renovation of its reading room.",
  "The home side scored twice in the second half and won the match comfortably.",
  "{A} has lived in the town for {N} years and remembers when the market square was a car park.",
  "Volunteers planted young trees along the river path over the weekend.",
  "The bakery on the corner sells out of rye bread before nine most days.",
  "A new exhibition of landscape paintings opens at the gallery next month.",
  "Farmers in the valley said the harvest came in later than usual this year.",
  "The school choir will perform at the town hall on {D} before the holidays.",
  "Road works on the main bridge are due to finish by the end of the month.",
  "Tickets for the summer festival went on sale and the first evening is nearly full.",
  "The museum's collection of old maps drew a steady stream of visitors.",
  "Parents praised the teachers who organised the trip to the coast.",
  "The ferry timetable changes in spring, when the longer evening crossings return.",
  "A local author read from her second novel to a packed room."
]

const HEADLINES_VENDOR = ["What went wrong at {V}", "{V} outage: the timeline", "Inside the {P} update", "Questions for {V}"]
const HEADLINES_FILLER = ["Around the town", "Weekend notes", "Letters to the editor", "From the valley", "Sport in brief"]

class Writer {
  constructor(
    private readonly rand: () => number,
    private readonly vendors: BenchVendor[]
  ) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]
  }

  fill(template: string, vendor?: BenchVendor): string {
    const v = vendor ?? this.pick(this.vendors)
    const product = v.products.length > 0 && this.rand() < 0.6 ? this.pick(v.products) : v.name
    return template
      .replace(/\{V\}/g, v.name)
      .replace(/\{P\}/g, product)
      .replace(/\{D\}/g, () => this.pick(DAYS))
      .replace(/\{R\}/g, () => this.pick(REGIONS))
      .replace(/\{A\}/g, () => this.pick(ANALYSTS))
      .replace(/\{N\}/g, () => String(2 + Math.floor(this.rand() * 30)))
  }

  /** One sentence; vendorShare of them (on average) name a vendor or make a claim. */
  sentence(vendorShare: number, vendor?: BenchVendor): string {
    return vendorShare > 0 && this.rand() < vendorShare
      ? this.fill(this.pick(VENDOR_SENTENCES), vendor)
      : this.fill(this.pick(FILLER_SENTENCES))
  }

  headline(withVendors: boolean, vendor?: BenchVendor): string {
    return withVendors ? this.fill(this.pick(HEADLINES_VENDOR), vendor) : this.fill(this.pick(HEADLINES_FILLER))
  }
}

const countWords = (s: string): number => s.split(/\s+/).filter(Boolean).length

interface Article {
  title: string
  sections: { heading: string; paragraphs: string[] }[]
}

/** An article of about `words` words (or `chars` characters), in sections of paragraphs. */
function writeArticle(w: Writer, vendors: BenchVendor[], limit: { words?: number; chars?: number }, vendorShare: number): Article {
  const withVendors = vendorShare > 0
  // A story is about a few vendors, as news is; the rest are mentioned in passing.
  const focus = withVendors ? [w.pick(vendors), w.pick(vendors), w.pick(vendors)] : []
  const title = w.headline(withVendors, focus[0])
  const sections: Article["sections"] = []
  let words = countWords(title)
  let chars = title.length
  const done = () => (limit.words !== undefined && words >= limit.words) || (limit.chars !== undefined && chars >= limit.chars)
  while (!done()) {
    const section = { heading: w.headline(withVendors, focus.length ? w.pick(focus) : undefined), paragraphs: [] as string[] }
    sections.push(section)
    for (let p = 0; p < 6 && !done(); p++) {
      const sentences: string[] = []
      const n = 3 + Math.floor(w.pick([0, 1, 2, 3]))
      for (let s = 0; s < n && !done(); s++) {
        const focused = focus.length && w.pick([true, true, false]) ? w.pick(focus) : undefined
        const sentence = w.sentence(vendorShare, focused)
        sentences.push(sentence)
        words += countWords(sentence)
        chars += sentence.length + 1
      }
      section.paragraphs.push(sentences.join(" "))
    }
  }
  return { title, sections }
}

function articleText(a: Article): string {
  return [a.title, ...a.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join("\n\n")
}

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

function pageShell(title: string, body: string): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta property="og:type" content="article"></head>\n<body>\n` +
    `<header><nav><a href="#">Home</a> <a href="#">News</a> <a href="#">Sport</a> <a href="#">Opinion</a></nav></header>\n` +
    body +
    `\n<footer><p>The Valley Courier. All rights reserved.</p></footer>\n</body></html>\n`
  )
}

function articleHtml(a: Article): string {
  const body = [
    `<main><article><h1>${escapeHtml(a.title)}</h1>`,
    ...a.sections.flatMap((s) => [`<h2>${escapeHtml(s.heading)}</h2>`, ...s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`)]),
    `</article></main>`
  ].join("\n")
  return pageShell(a.title, body)
}

/** A listing page of small cards until the body holds `nodes` elements and text nodes. */
function domPage(w: Writer, target: number): { html: string; text: string; nodes: number } {
  const parts: string[] = []
  const texts: string[] = []
  let nodes = 1 // the <main> wrapper
  let i = 0
  while (nodes < target) {
    const title = w.headline(i % 4 === 0)
    const a = w.sentence(0.15)
    const tags = [w.pick(DAYS), w.pick(REGIONS)]
    // div, h3+text, p+text+a+text, ul, 2×(li+text): 12 nodes per card
    parts.push(
      `<div class="card"><h3>${escapeHtml(title)}</h3><p>${escapeHtml(a)} <a href="#c${i}">more</a></p>` +
        `<ul><li>${escapeHtml(tags[0])}</li><li>${escapeHtml(tags[1])}</li></ul></div>`
    )
    texts.push(title, `${a} more`, tags.join(" "))
    nodes += 12
    i++
  }
  // The page shell adds its own header and footer nodes.
  return { html: pageShell("Listings", `<main>${parts.join("")}</main>`), text: texts.join("\n"), nodes }
}

export function generateInputs(root: string, sizes: InputSizes = FULL_SIZES, seed = 20240719): BenchInput[] {
  const vendors = loadBenchVendors(root)
  const w = new Writer(seededRandom(seed), vendors)
  const make = (id: string, label: string, a: Article, hasVendors: boolean): BenchInput => {
    const html = articleHtml(a)
    return { id, label, text: articleText(a), html, hasVendors, nodes: 0 }
  }
  const article = writeArticle(w, vendors, { words: sizes.articleWords }, 0.3)
  const longRead = writeArticle(w, vendors, { words: sizes.longReadWords }, 0.25)
  const page = writeArticle(w, vendors, { chars: sizes.pageBytes }, 0.2)
  const plain = make("no-vendor", `no vendor (${sizes.articleWords} words)`, writeArticle(w, vendors, { words: sizes.articleWords }, 0), false)
  const dom = domPage(w, sizes.domNodes)
  return [
    make("article", `news article (${sizes.articleWords} words)`, article, true),
    make("long-read", `long read (${sizes.longReadWords} words)`, longRead, true),
    make("page-1mb", `text page (${Math.round(sizes.pageBytes / 1000)} KB)`, page, true),
    plain,
    { id: "dom", label: `DOM page (${dom.nodes} nodes)`, text: dom.text, html: dom.html, hasVendors: true, nodes: dom.nodes }
  ]
}
