import { describe, expect, it } from "vitest"

import { findQuote, normalise, quoteSelectorFor } from "~core/anchoring"

const PAGE =
  "Acme Cloud says its platform is more reliable than any competitor. " +
  "In March the service was down for nine hours after a faulty update. " +
  "Acme Cloud says its platform is more reliable than ever, the CEO repeated in June. " +
  "Customers were told that all systems have been restored."

function select(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1)
  if (at < 0) throw new Error(`fixture does not contain ${needle}`)
  return { start: at, end: at + needle.length }
}

describe("quoteSelectorFor", () => {
  it("keeps 32 characters of context on each side", () => {
    const { start, end } = select(PAGE, "down for nine hours")
    const q = quoteSelectorFor(PAGE, start, end)
    expect(q).toEqual({
      type: "TextQuoteSelector",
      exact: "down for nine hours",
      prefix: PAGE.slice(start - 32, start),
      suffix: PAGE.slice(end, end + 32)
    })
    expect(q.prefix).toHaveLength(32)
  })

  it("never splits a surrogate pair at the context edges", () => {
    const text = "🚀🚀 launch day 🚀🚀"
    const q = quoteSelectorFor(text, 5, 15, 3)
    expect(q.exact).toBe("launch day")
    expect(q.prefix).toBe("🚀 ")
    expect(q.suffix).toBe(" 🚀")
    // Two units of context would cut each rocket in half: drop the half instead.
    const cut = quoteSelectorFor(text, 5, 15, 2)
    expect([cut.prefix, cut.suffix]).toEqual([" ", " "])
  })

  it("clips context at the ends of the text and accepts reversed offsets", () => {
    const q = quoteSelectorFor("short text", 10, 6, 32)
    expect(q).toEqual({ type: "TextQuoteSelector", exact: "text", prefix: "short ", suffix: "" })
  })
})

describe("findQuote: exact", () => {
  it("uses the position hint when the text there is unchanged", () => {
    const span = select(PAGE, "more reliable than", 1)
    const q = quoteSelectorFor(PAGE, span.start, span.end)
    expect(findQuote(PAGE, q, span)).toEqual(span)
  })

  it("picks the occurrence whose context matches, not the first one", () => {
    const span = select(PAGE, "Acme Cloud says its platform is more reliable than", 1)
    const q = quoteSelectorFor(PAGE, span.start, span.end)
    // No hint, and the page gained a paragraph so positions moved.
    const moved = "Breaking: a new paragraph at the top. " + PAGE
    const found = findQuote(moved, q)
    expect(found).toEqual({ start: span.start + 38, end: span.end + 38 })
  })

  it("prefers the occurrence nearest the hint when contexts tie", () => {
    const text = "one two three. one two three. one two three."
    const q = { exact: "one two three.", prefix: "", suffix: "" }
    expect(findQuote(text, q, { start: 16, end: 30 })).toEqual({ start: 15, end: 29 })
  })
})

describe("findQuote: approximate", () => {
  it("tolerates whitespace changes inside and around the quote", () => {
    const span = select(PAGE, "down for nine hours after a faulty update")
    const q = quoteSelectorFor(PAGE, span.start, span.end)
    const reflowed = PAGE.replace("down for nine hours after", "down for\n      nine hours\u00a0after").replace("In March the", "In  March\tthe")
    const found = findQuote(reflowed, q, span)
    expect(found).not.toBeNull()
    expect(normalise(reflowed.slice(found!.start, found!.end)).text).toBe("down for nine hours after a faulty update")
  })

  it("tolerates a few edited characters in prefix and suffix", () => {
    const text = "Status page: The outage lasted 4 hours. All systems have been restored, the company said on Monday."
    const span = select(text, "All systems have been restored")
    const q = quoteSelectorFor(text, span.start, span.end)
    const edited = "Status update: The outage lasted 5 hours! All systems have been restored, the firm said on Monday."
    expect(findQuote(edited, q)).toEqual(select(edited, "All systems have been restored"))
  })

  it("uses fuzzy context to choose between copies of a short quote", () => {
    const text = "Uptime: 99.9% last year. Competitor uptime: 99.9% on average."
    const span = select(text, "99.9%", 1)
    const q = quoteSelectorFor(text, span.start, span.end)
    const edited = "Uptime was 99.9% last year. Competitor's uptime: 99.9% on avg."
    expect(findQuote(edited, q)).toEqual(select(edited, "99.9%", 1))
  })

  it("ignores zero-width characters and soft hyphens", () => {
    const q = { exact: "faulty update", prefix: "", suffix: "" }
    const text = "after a faul\u00adty\u200b update yesterday"
    expect(findQuote(text, q)).toEqual({ start: 8, end: 23 })
  })
})

describe("findQuote: rejection", () => {
  it("rejects a quote whose wording changed", () => {
    const span = select(PAGE, "all systems have been restored")
    const q = quoteSelectorFor(PAGE, span.start, span.end)
    const reworded = PAGE.replace("all systems have been restored", "most systems have been restored")
    expect(findQuote(reworded, q, span)).toBeNull()
  })

  it("rejects a short quote found only in unrelated context", () => {
    const q = { exact: "down", prefix: "In March the service was ", suffix: " for nine hours after a faulty" }
    expect(findQuote("Shares went down after the earnings call, analysts noted.", q)).toBeNull()
  })

  it("ignores an invalid position hint", () => {
    const text = "abc uptime guaranteed xyz uptime guaranteed"
    const q = { exact: "uptime guaranteed", prefix: "xyz ", suffix: "" }
    expect(findQuote(text, q, { start: -17, end: text.length })).toEqual({ start: 26, end: 43 })
    expect(findQuote(text, q, { start: Number.NaN, end: 3 })).toEqual({ start: 26, end: 43 })
  })

  it("rejects empty quotes and a hint pointing elsewhere when the quote is gone", () => {
    expect(findQuote(PAGE, { exact: "  ", prefix: "", suffix: "" })).toBeNull()
    expect(findQuote(PAGE, { exact: "never mentioned here at all", prefix: "", suffix: "" }, { start: 0, end: 27 })).toBeNull()
  })
})

describe("normalise", () => {
  it("maps every normalised character back to its source offset", () => {
    const n = normalise("a \n\t b\u200bc")
    expect(n.text).toBe("a bc")
    expect(n.map).toEqual([0, 1, 5, 7])
  })
})
