import { readFileSync } from "node:fs"

import { parseHTML } from "linkedom"
import { describe, expect, it } from "vitest"

import { normalise } from "~core/anchoring"
import { anchorSelectors, pageText, rangeForSelectors, selectorsForRange, type RangeLike } from "~dom/anchor"
import { extractText } from "~dom/extract"

function load(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>t</title><style>p { color: red }</style></head><body>${body}</body></html>`).document as unknown as Document
}

const ARTICLE = `
<article>
  <h1>Acme Cloud outage hits three regions</h1>
  <p>On Tuesday evening Acme said that <b>all systems</b> have been restored and that no data was lost.</p>
  <script>window.tracker = "all systems have been restored"</script>
  <p>Customers disputed the claim: storage stayed degraded for another day.</p>
</article>`

function textNodeContaining(doc: Document, needle: string): Text {
  const walker = doc.createTreeWalker(doc.body, 4)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(needle)) return n as Text
  throw new Error(`no text node contains ${needle}`)
}

/** A selection from inside "said that" up to the middle of the second text node after <b>. */
function userSelection(doc: Document): RangeLike {
  const first = textNodeContaining(doc, "On Tuesday")
  const last = textNodeContaining(doc, " have been restored")
  return {
    startContainer: first,
    startOffset: first.data.indexOf("Acme said"),
    endContainer: last,
    endOffset: last.data.indexOf(" and that")
  }
}

describe("pageText", () => {
  it("concatenates text nodes and leaves out script, style and our UI hosts", () => {
    const doc = load(`<p>One <b>two</b></p><script>bad()</script><div data-track-record="">card</div><p>th<mark data-track-record="">re</mark>e</p>`)
    expect(pageText(doc.body).text).toBe("One twothree")
    expect(pageText(doc).text).toBe("tOne twothree")
  })
})

describe("selectorsForRange", () => {
  it("turns a selection across elements into quote and position selectors", () => {
    const doc = load(ARTICLE)
    const sel = selectorsForRange(doc.body, userSelection(doc))
    expect(sel).not.toBeNull()
    const { quote, position } = sel!
    expect(quote.exact).toBe("Acme said that all systems have been restored")
    expect(quote.prefix).toHaveLength(32)
    expect(quote.prefix.endsWith("On Tuesday evening ")).toBe(true)
    expect(quote.suffix.startsWith(" and that no data was lost.")).toBe(true)
    expect(pageText(doc.body).text.slice(position.start, position.end)).toBe(quote.exact)
  })

  it("accepts element boundary points", () => {
    const doc = load(`<p>Alpha <b>beta</b> gamma</p>`)
    const p = doc.querySelector("p")!
    // From before <b> to after it: exactly "beta".
    expect(selectorsForRange(doc.body, { startContainer: p, startOffset: 1, endContainer: p, endOffset: 2 })?.quote.exact).toBe("beta")
    // The whole paragraph, as selectNodeContents would give.
    expect(selectorsForRange(doc.body, { startContainer: p, startOffset: 0, endContainer: p, endOffset: p.childNodes.length })?.quote.exact).toBe("Alpha beta gamma")
  })

  it("returns null for collapsed, whitespace-only or outside selections", () => {
    const doc = load(`<p id="a">Alpha</p>\n<p id="b">Beta</p>`)
    const a = doc.getElementById("a")!.firstChild!
    expect(selectorsForRange(doc.body, { startContainer: a, startOffset: 2, endContainer: a, endOffset: 2 })).toBeNull()
    const gap = doc.body.childNodes[1]
    expect(selectorsForRange(doc.body, { startContainer: gap, startOffset: 0, endContainer: gap, endOffset: 1 })).toBeNull()
    const other = load(`<p>Elsewhere</p>`)
    const t = other.querySelector("p")!.firstChild!
    expect(selectorsForRange(doc.body, { startContainer: t, startOffset: 0, endContainer: t, endOffset: 4 })).toBeNull()
  })
})

describe("anchorSelectors", () => {
  it("re-anchors on the same page", () => {
    const doc = load(ARTICLE)
    const { quote, position } = selectorsForRange(doc.body, userSelection(doc))!
    const anchor = anchorSelectors(doc.body, quote, position)!
    expect(anchor.startContainer).toBe(textNodeContaining(doc, "On Tuesday"))
    expect(anchor.endContainer).toBe(textNodeContaining(doc, " have been restored"))
    expect(anchor.endOffset).toBe(" have been restored".length)
  })

  it("re-anchors after the page text changed slightly", () => {
    const saved = load(ARTICLE)
    const { quote, position } = selectorsForRange(saved.body, userSelection(saved))!

    // A banner was added, markup changed around the quote, whitespace reflowed, a prefix word edited,
    // and our highlight marks split the text nodes.
    const changed = load(`
      <div class="banner">Update: this story has been corrected.</div>
      <article>
        <h1>Acme Cloud outage hit three regions</h1>
        <p>On Tuesday night Acme said
           that <i>all</i> <mark data-track-record="">systems</mark> have   been restored and that no data was lost.</p>
        <p>Customers disputed the claim: storage stayed degraded for another day.</p>
      </article>`)
    const anchor = anchorSelectors(changed.body, quote, position)
    expect(anchor).not.toBeNull()
    const text = pageText(changed.body).text
    expect(normalise(text.slice(anchor!.start, anchor!.end)).text).toBe("Acme said that all systems have been restored")
    expect(anchor!.startContainer.data.slice(anchor!.startOffset).startsWith("Acme said")).toBe(true)
    expect(anchor!.endContainer.data.slice(0, anchor!.endOffset).endsWith("restored")).toBe(true)
  })

  it("refuses to anchor when the quoted wording changed", () => {
    const saved = load(ARTICLE)
    const { quote, position } = selectorsForRange(saved.body, userSelection(saved))!
    const reworded = load(ARTICLE.replace("have been restored", "are being restored"))
    expect(anchorSelectors(reworded.body, quote, position)).toBeNull()
  })

  it("ignores a copy of the quote inside a script", () => {
    const doc = load(`<script>var s = "uptime of 99.999% across regions"</script><p>We promise uptime of 99.999% across regions.</p>`)
    const anchor = anchorSelectors(doc.body, { exact: "uptime of 99.999% across regions", prefix: "We promise ", suffix: "." })!
    expect(anchor.startContainer.parentNode).toBe(doc.querySelector("p"))
  })
})

describe("rangeForSelectors", () => {
  it("builds a live range from the anchor", () => {
    const doc = load(ARTICLE)
    const { quote, position } = selectorsForRange(doc.body, userSelection(doc))!
    // linkedom's Range has no setStart/setEnd; record the calls a real browser Range would get.
    const calls: [string, Node, number][] = []
    const fakeRange = {
      setStart: (n: Node, o: number) => calls.push(["start", n, o]),
      setEnd: (n: Node, o: number) => calls.push(["end", n, o])
    }
    ;(doc as unknown as { createRange: () => unknown }).createRange = () => fakeRange
    expect(rangeForSelectors(doc.body, quote, position)).toBe(fakeRange)
    const anchor = anchorSelectors(doc.body, quote, position)!
    expect(calls).toEqual([
      ["start", anchor.startContainer, anchor.startOffset],
      ["end", anchor.endContainer, anchor.endOffset]
    ])
    expect(rangeForSelectors(doc.body, { exact: "not on this page at all", prefix: "", suffix: "" })).toBeNull()
  })
})

describe("baseline: a status post edited after the snippets were saved", () => {
  const read = (name: string) => readFileSync(new URL(`../fixtures/snippets/pages/${name}`, import.meta.url), "utf8")
  const v1 = parseHTML(read("status-post.v1.html")).document as unknown as Document
  const v2 = parseHTML(read("status-post.v2.html")).document as unknown as Document
  const { cases } = JSON.parse(read("status-post.expected.json")) as { cases: { quote: string; v2: string | null }[] }

  it.each(cases)("$quote", ({ quote: words, v2: expected }) => {
    // Select the passage on the original page the way a user would, then save its selectors.
    const at = anchorSelectors(v1.body, { exact: words, prefix: "", suffix: "" })
    expect(at, "fixture quote must be on v1").not.toBeNull()
    const saved = selectorsForRange(v1.body, at!)!
    expect(saved.quote.exact).toBe(words)
    expect(saved.quote.prefix.length + saved.quote.suffix.length).toBeGreaterThan(0)

    const anchor = anchorSelectors(v2.body, saved.quote, saved.position)
    if (expected === null) expect(anchor).toBeNull()
    else expect(normalise(pageText(v2.body).text.slice(anchor!.start, anchor!.end)).text).toBe(expected)
  })
})

describe("selectors saved against the content script's extracted text", () => {
  // The scanner's text puts line breaks between blocks, so its offsets and context differ from
  // pageText(); passing that text in keeps saving and re-anchoring on the same text.
  const html = `<article><p>Acme restored service at 18:00.</p><p>All systems have been restored, Acme said.</p></article>`

  it("anchors a quote spanning two blocks, with boundaries in real text nodes", () => {
    const doc = load(html)
    const extracted = extractText(doc)
    const page = { text: extracted.text, entries: extracted.segments }
    const start = extracted.text.indexOf("at 18:00.")
    const end = extracted.text.indexOf(" have been")
    const quote = { exact: extracted.text.slice(start, end), prefix: extracted.text.slice(0, start), suffix: " have been restored" }
    expect(quote.exact).toMatch(/^at 18:00\.\s+All systems$/)

    const anchor = anchorSelectors(doc.body, quote, { start, end }, page)!
    expect(anchor).not.toBeNull()
    expect(anchor.startContainer.data).toBe("Acme restored service at 18:00.")
    expect(anchor.startContainer.data.slice(anchor.startOffset)).toBe("at 18:00.")
    expect(anchor.endContainer.data.slice(0, anchor.endOffset)).toBe("All systems")

    // Selecting the same DOM range again gives the same selectors against that text.
    expect(selectorsForRange(doc.body, anchor, { page })?.position).toEqual({ type: "TextPositionSelector", start, end })
  })

  it("moves boundaries that fall in a separator into the neighbouring text", () => {
    const doc = load(html)
    const extracted = extractText(doc)
    const page = { text: extracted.text, entries: extracted.segments }
    const gapStart = extracted.text.indexOf("18:00.") + "18:00.".length
    const allAt = extracted.text.indexOf("All")
    // The quote starts with the separator itself.
    const anchor = anchorSelectors(doc.body, { exact: extracted.text.slice(gapStart, allAt + 3), prefix: "", suffix: " systems" }, null, page)!
    expect(anchor.startContainer.data).toBe("All systems have been restored, Acme said.")
    expect(anchor.startOffset).toBe(0)
    expect(anchor.endOffset).toBe(3)
  })
})
