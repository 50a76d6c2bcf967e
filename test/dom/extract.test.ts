import { readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import {
  articleRoot,
  compileSelectorList,
  createTextCollector,
  extractText,
  type ExtractedText
} from "~dom/extract"
import { ARTICLE_SKIP_SELECTORS, SKIP_SELECTORS } from "~dom/selectors"
import { parseDocument } from "~cli/html"

import { page } from "./helpers"

function expectExactSegments(result: ExtractedText): void {
  let last = 0
  for (const seg of result.segments) {
    expect(result.text.slice(seg.start, seg.end)).toBe(seg.node.data)
    expect(seg.start).toBeGreaterThanOrEqual(last)
    // Between two segments there is nothing, or the line break of a block boundary.
    expect(["", "\n"]).toContain(result.text.slice(last, seg.start))
    last = seg.end
  }
  expect(last).toBe(result.text.length)
}

function fixture(name: string): Document {
  return parseDocument(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), "utf8"))
}

describe("extractText", () => {
  it("puts block elements on their own lines and runs inline text on", () => {
    const doc = page(
      "<h1>Outage report</h1><p>CrowdStrike <b>pulled</b> the <a href='#'>file</a>.</p>" +
        "<ul><li>Airlines</li><li>Banks</li></ul><div>line one<br>line two</div>" +
        "<table><tr><td>04:09</td><td>released</td></tr></table><blockquote>Quoted</blockquote>"
    )
    expect(extractText(doc).text).toBe(
      "Outage report\nCrowdStrike pulled the file.\nAirlines\nBanks\nline one\nline two\n04:09\nreleased\nQuoted"
    )
  })

  it("keeps whitespace inside inline text as written but drops layout whitespace between blocks", () => {
    const doc = page("\n  <div>\n    <p>two  spaces\n  and a break</p>\n    <p><b>bold</b> <i>italic</i></p>\n  </div>\n")
    const result = extractText(doc)
    expect(result.text).toBe("two  spaces\n  and a break\nbold italic")
    expectExactSegments(result)
  })

  it("does not leave trailing whitespace of an inline run before a block ends", () => {
    const doc = page("<div><span>alpha</span>\n   </div><div>beta</div>")
    expect(extractText(doc).text).toBe("alpha\nbeta")
  })

  it("maps every segment back to its text node exactly, including entities and astral characters", () => {
    const doc = page("<p>AT&amp;T &lt;Falcon&gt; 🚀 outage</p><p>Ünïcödé — “quotes” <span>and</span>\u00a0nbsp</p>")
    const result = extractText(doc)
    expect(result.text).toBe("AT&T <Falcon> 🚀 outage\nÜnïcödé — “quotes” and\u00a0nbsp")
    expectExactSegments(result)
    const idx = result.text.indexOf("outage")
    const seg = result.segments.find((s) => s.start <= idx && idx < s.end)
    expect(seg?.node.data.slice(idx - seg.start, idx - seg.start + 6)).toBe("outage")
  })

  const skipped: [string, string][] = [
    ["script", "<script>var vendor = 'CrowdStrike'</script>"],
    ["style", "<style>.x{content:'CrowdStrike'}</style>"],
    ["noscript", "<noscript>CrowdStrike</noscript>"],
    ["template", "<template><p>CrowdStrike</p></template>"],
    ["svg", "<svg><text>CrowdStrike</text></svg>"],
    ["math", "<math><mi>CrowdStrike</mi></math>"],
    ["iframe fallback", "<iframe>CrowdStrike</iframe>"],
    ["canvas fallback", "<canvas>CrowdStrike</canvas>"],
    ["textarea", "<textarea>CrowdStrike</textarea>"],
    ["select", "<select><option>CrowdStrike</option></select>"],
    ["button", "<button>CrowdStrike</button>"],
    ["contenteditable", "<div contenteditable>CrowdStrike</div>"],
    ["contenteditable=true", "<div contenteditable='true'><p>CrowdStrike</p></div>"],
    ["contenteditable=plaintext-only", "<div contenteditable='plaintext-only'>CrowdStrike</div>"],
    ["role=textbox", "<div role='textbox'>CrowdStrike</div>"],
    ["hidden", "<p hidden>CrowdStrike</p>"],
    ["aria-hidden", "<span aria-hidden='true'>CrowdStrike</span>"],
    ["ProseMirror", "<div class='editor ProseMirror'><p>CrowdStrike</p></div>"],
    ["CodeMirror 6", "<div class='cm-editor'><div class='cm-line'>CrowdStrike</div></div>"],
    ["Monaco", "<div class='monaco-editor'><span>CrowdStrike</span></div>"],
    ["Lexical", "<div data-lexical-editor='true'><p>CrowdStrike</p></div>"],
    ["Quill", "<div class='ql-editor'><p>CrowdStrike</p></div>"],
    ["TinyMCE", "<div class='tox tox-tinymce'><p>CrowdStrike</p></div>"],
    ["CKEditor", "<div class='ck-content'><p>CrowdStrike</p></div>"],
    ["our own UI", "<div data-track-record='card'><p>CrowdStrike</p></div>"]
  ]
  it.each(skipped)("skips %s", (_name, html) => {
    const result = extractText(page(`<p>before</p>${html}<p>after</p>`))
    expect(result.text).toBe("before\nafter")
    expectExactSegments(result)
  })

  it("reads contenteditable=false and aria-hidden=false regions", () => {
    const doc = page("<div contenteditable='false'>kept one</div><div aria-hidden='false'>kept two</div>")
    expect(extractText(doc).text).toBe("kept one\nkept two")
  })

  it("reads text inside our own highlight marks, which wrap page text", () => {
    const doc = page(
      "<p>Rivals said <track-record-mark data-track-record data-kind='claim'>more reliable</track-record-mark> than " +
        "<mark data-track-record>CrowdStrike</mark>.</p><div data-track-record><p>Card text</p></div>"
    )
    expect(extractText(doc).text).toBe("Rivals said more reliable than CrowdStrike.")
  })

  it("returns nothing when the root itself is an editor", () => {
    const doc = page("<div class='ProseMirror' id='ed'><p>typing</p></div>")
    const editor = doc.getElementById("ed")
    expect(editor).not.toBeNull()
    expect(extractText(editor as Element)).toMatchObject({ text: "", segments: [], truncated: false })
  })

  it("walks any element as the root", () => {
    const doc = page("<p>outside</p><section id='s'><h2>Inside</h2><p>text</p></section>")
    const result = extractText(doc.getElementById("s") as Element)
    expect(result.text).toBe("Inside\ntext")
    expect(result.root?.id).toBe("s")
  })
})

describe("article mode", () => {
  it("reads the article and leaves out chrome, asides, forms and boilerplate", () => {
    const doc = fixture("crowdstrike-update-news.html")
    const pageText = extractText(doc, { mode: "page" }).text
    const article = extractText(doc, { mode: "article" })
    expect(pageText).toContain("We use cookies")
    expect(pageText).toContain("Most read")
    expect(article.root?.localName).toBe("article")
    expect(article.text.startsWith("Falcon update fallout: airlines recover as rivals court customers\n")).toBe(true)
    for (const chrome of ["We use cookies", "Most read", "Markets", "Share on social media", "© 2024"]) {
      expect(article.text).not.toContain(chrome)
    }
    expect(article.text).toContain("have been restored")
    expectExactSegments(article)
  })

  it("keeps an article's own header and footer but drops the page's", () => {
    const doc = fixture("okta-support-breach.html")
    const text = extractText(doc, { mode: "article" }).text
    expect(text).toContain("Okta says intruder used stolen credential")
    expect(text).toContain("Filed under: identity, breaches")
    expect(text).not.toContain("Identity Weekly")
  })

  it("falls back to main, then role=main, then the body without its header and footer", () => {
    const main = page("<header><p>Site</p></header><main><p>Main text</p></main><footer>Foot</footer>")
    expect(extractText(main, { mode: "article" }).text).toBe("Main text")
    const role = page("<div role='navigation'>Menu</div><div role='main'><p>Role text</p></div>")
    expect(extractText(role, { mode: "article" }).text).toBe("Role text")
    const body = page(
      "<header><p>Site</p></header><div class='content'><p>Body text</p>" +
        "<div class='cookie-notice'>Cookies</div><aside>Aside</aside></div><footer>Foot</footer>"
    )
    expect(extractText(body, { mode: "article" }).text).toBe("Body text")
    expect(extractText(body, { mode: "page" }).text).toBe("Site\nBody text\nCookies\nAside\nFoot")
  })

  it("reads a form that wraps the whole page but leaves out ordinary forms", () => {
    const doc = page(
      "<form id='aspnetForm'><div class='content'><h1>Story</h1><p>Body text.</p></div></form>" +
        "<form class='search'><label>Search the site</label><input name='q'></form>"
    )
    expect(extractText(doc, { mode: "article" }).text).toBe("Story\nBody text.")
  })

  it("picks the longest of several articles", () => {
    const doc = page(
      "<article><p>Teaser</p></article><article id='story'><p>The full story is much longer than a teaser.</p></article>"
    )
    expect(articleRoot(doc)?.id).toBe("story")
  })

  it("ignores teaser articles in asides, navigation and footers", () => {
    const doc = page(
      "<main id='main'><h1>Story</h1><p>Short body.</p></main>" +
        "<aside><article><p>A much longer teaser text that would otherwise win the length contest easily.</p></article></aside>" +
        "<footer><article><p>Another long teaser in the footer of the page, also quite long.</p></article></footer>"
    )
    expect(articleRoot(doc)?.id).toBe("main")
    expect(extractText(doc, { mode: "article" }).text).toBe("Story\nShort body.")
  })

  it("does not mistake layout classes or headline wrappers for boilerplate", () => {
    const doc = page(
      "<main><div class='layout has-sidebar'><p>Kept because has-sidebar is a layout modifier.</p></div>" +
        "<div class='share-wrapper'><h1>Headline inside a share wrapper</h1></div>" +
        "<div class='related-links'>Related</div><div class='ad-slot'>Advert</div></main>"
    )
    expect(extractText(doc, { mode: "article" }).text).toBe(
      "Kept because has-sidebar is a layout modifier.\nHeadline inside a share wrapper"
    )
  })
})

describe("createTextCollector", () => {
  function bigPage(paragraphs: number): Document {
    const parts: string[] = []
    for (let i = 0; i < paragraphs; i++) {
      parts.push(
        `<div class="row"><p>Paragraph ${i}: <b>CrowdStrike</b> said systems <a href="#">have been restored</a>.</p>\n` +
          `<script>track(${i})</script><span aria-hidden="true">icon</span> <em>tail ${i}</em></div>\n`
      )
    }
    return page(`<nav>Menu</nav><main>${parts.join("")}</main>`)
  }

  it("gives the same result in time slices as in one go", () => {
    const doc = bigPage(600)
    const whole = extractText(doc)
    let clock = 0
    const collector = createTextCollector(doc)
    let slices = 0
    // Each clock read advances 1 ms, so a 3 ms budget ends a slice after a few deadline checks.
    while (!collector.collect(3, () => clock++)) slices++
    expect(slices).toBeGreaterThan(5)
    expect(collector.done).toBe(true)
    const sliced = collector.result()
    expect(sliced.text).toBe(whole.text)
    expect(sliced.segments.map((s) => [s.start, s.end])).toEqual(whole.segments.map((s) => [s.start, s.end]))
    expect(sliced.segments.every((s, i) => s.node === whole.segments[i].node)).toBe(true)
  })

  it("makes progress on every step even when the deadline has already passed", () => {
    const doc = bigPage(50)
    const collector = createTextCollector(doc, { mode: "article" })
    let steps = 0
    while (!collector.step(() => true)) {
      steps++
      expect(steps).toBeLessThan(10_000)
    }
    expect(collector.result().text).toBe(extractText(doc, { mode: "article" }).text)
    expect(collector.step(() => true)).toBe(true)
  })

  it("exposes the partial text while a walk is paused", () => {
    const collector = createTextCollector(bigPage(200))
    expect(collector.step(() => true)).toBe(false)
    const partial = collector.result()
    expect(partial.text.length).toBeGreaterThan(0)
    expectExactSegments(partial)
  })

  it("jumps over skipped subtrees when the walker can move to siblings", () => {
    // Browsers' TreeWalkers have nextSibling/parentNode; linkedom's only nextNode.
    // A small walker that follows the spec checks the jumping path gives the same text.
    const doc = bigPage(40)
    const expected = extractText(doc)
    const returned: Node[] = []
    const shown = (n: Node): boolean => n.nodeType === 1 || n.nodeType === 3
    const specWalker = (root: Node): TreeWalker => {
      const walker = {
        currentNode: root,
        nextNode(): Node | null {
          let node: Node = walker.currentNode
          for (;;) {
            let next: Node | null = node.firstChild
            if (!next) {
              let up: Node | null = node
              while (up && up !== root && !up.nextSibling) up = up.parentNode
              next = up && up !== root ? up.nextSibling : null
            }
            if (!next) return null
            node = next
            if (shown(node)) return walker.moveTo(node)
          }
        },
        nextSibling(): Node | null {
          if (walker.currentNode === root) return null
          for (let s = walker.currentNode.nextSibling; s; s = s.nextSibling) if (shown(s)) return walker.moveTo(s)
          return null
        },
        parentNode(): Node | null {
          let node: Node | null = walker.currentNode
          while (node && node !== root) {
            node = node.parentNode
            if (node && shown(node)) return walker.moveTo(node)
          }
          return null
        },
        moveTo(node: Node): Node {
          returned.push(node)
          walker.currentNode = node
          return node
        }
      }
      return walker as unknown as TreeWalker
    }
    ;(doc as unknown as { createTreeWalker: typeof specWalker }).createTreeWalker = specWalker
    const result = extractText(doc)
    expect(result.text).toBe(expected.text)
    expect(result.segments.map((s) => s.node)).toEqual(expected.segments.map((s) => s.node))
    // Nothing inside a skipped element was ever visited.
    expect(returned.some((n) => n.nodeType === 3 && (n as Text).data.startsWith("track("))).toBe(false)
    expect(returned.some((n) => n.nodeType === 3 && (n as Text).data === "icon")).toBe(false)
    expect(returned.length).toBeGreaterThan(100)
    // A skipped element as the very last node ends the walk cleanly.
    const tail = page("<p>text</p><div><script>x()</script></div>")
    ;(tail as unknown as { createTreeWalker: typeof specWalker }).createTreeWalker = specWalker
    expect(extractText(tail).text).toBe("text")
  })
})

describe("maxChars", () => {
  it("stops before the limit, keeps a prefix and says so", () => {
    const doc = page(Array.from({ length: 50 }, (_, i) => `<p>Sentence number ${i} about outages.</p>`).join(""))
    const full = extractText(doc)
    const cut = extractText(doc, { maxChars: 200 })
    expect(full.truncated).toBe(false)
    expect(cut.truncated).toBe(true)
    expect(cut.text.length).toBeLessThanOrEqual(200)
    expect(cut.text.length).toBeGreaterThan(150)
    expect(full.text.startsWith(cut.text)).toBe(true)
    expectExactSegments(cut)
  })
})

describe("compileSelectorList", () => {
  it("agrees with matches() on the shipped lists", () => {
    const doc = page(
      "<div class='cm-editor'></div><div contenteditable='false'></div><div contenteditable=''></div>" +
        "<p class='prose'></p><span hidden></span><div data-track-record></div><input>" +
        "<div contenteditable='FALSE'></div><div aria-hidden='TRUE'></div><div aria-hidden='true'></div>" +
        "<div class='tox-tinymce'></div><div class='a  tox\tb'></div><div role='textbox'></div><div role='text'></div>" +
        "<nav></nav><div role='navigation'></div><section role='search'></section><trix-editor></trix-editor>" +
        "<div data-lexical-editor='false'></div><div class='ProseMirror-focused'></div><svg></svg>" +
        "<mark data-track-record></mark><track-record-mark data-track-record></track-record-mark><style data-track-record></style>"
    )
    const els = Array.from(doc.body.querySelectorAll("*"))
    for (const list of [SKIP_SELECTORS, ARTICLE_SKIP_SELECTORS]) {
      const match = compileSelectorList(list)
      expect(els.map(match)).toEqual(els.map((el) => el.matches(list.join(","))))
    }
    const skip = compileSelectorList(SKIP_SELECTORS)
    expect(els.slice(0, 7).map(skip)).toEqual([true, false, true, false, true, true, true])
  })

  it("refuses selectors its pre-check cannot cover", () => {
    for (const selector of ["div > p", "p.lead", "[a]:not(.b c)", "a:hover", "[x~=y]"]) {
      expect(() => compileSelectorList([selector])).toThrow(/Unsupported skip selector/)
    }
  })
})
