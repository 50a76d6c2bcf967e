import { describe, expect, it } from "vitest"

import { normaliseDate, pageTitle, publishedDate } from "~dom/metadata"

import { page } from "./helpers"

describe("pageTitle", () => {
  it("prefers og:title, then <title>, then the first h1", () => {
    const og = page("<h1>Heading</h1>", "<title>Tab title</title><meta property='og:title' content='  Social title '>")
    expect(pageTitle(og)).toBe("Social title")
    expect(pageTitle(page("<h1>Heading</h1>", "<title>\n  Tab   title\n</title>"))).toBe("Tab title")
    expect(pageTitle(page("<h1>\n  Falcon <em>update</em>\n crash</h1><h1>Second</h1>"))).toBe("Falcon update crash")
  })

  it("skips empty candidates and returns null when there is no title", () => {
    expect(pageTitle(page("<h1>Heading</h1>", "<meta property='og:title' content=' '><title> </title>"))).toBe("Heading")
    expect(pageTitle(page("<p>No headings here.</p>"))).toBeNull()
  })
})

describe("publishedDate", () => {
  it("reads article:published_time as the calendar date written, without shifting time zones", () => {
    const doc = page("", "<meta property='article:published_time' content='2024-07-28T23:30:00-07:00'>")
    expect(publishedDate(doc)).toBe("2024-07-28")
    const early = page("", "<meta property='article:published_time' content='2024-07-28T00:15:00+09:00'>")
    expect(publishedDate(early)).toBe("2024-07-28")
  })

  it.each([
    ["date", "2024-07-22"],
    ["pubdate", "2024-07-22T10:00:00Z"],
    ["publish-date", "2024/07/22"],
    ["DC.date", "2024-07-22"],
    ["dc.date", "20240722"]
  ])("reads meta name=%s", (name, content) => {
    expect(publishedDate(page("", `<meta name="${name}" content="${content}">`))).toBe("2024-07-22")
  })

  it("reads itemprop=datePublished from meta content or a time element", () => {
    expect(publishedDate(page("", "<meta itemprop='datePublished' content='2023-10-20'>"))).toBe("2023-10-20")
    expect(publishedDate(page("<div><time itemprop='datePublished' datetime='2023-10-20T16:05:00-07:00'>Friday</time></div>"))).toBe("2023-10-20")
  })

  it("reads JSON-LD datePublished from an object, an array and an @graph", () => {
    const ld = (json: string): Document => page("", `<script type="application/ld+json">${json}</script>`)
    expect(publishedDate(ld('{"@type":"NewsArticle","datePublished":"2022-01-18T09:00:00+01:00"}'))).toBe("2022-01-18")
    expect(publishedDate(ld('[{"@type":"Organization"},{"@type":"Article","datePublished":"2022-01-18"}]'))).toBe("2022-01-18")
    expect(
      publishedDate(ld('{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"BlogPosting","datePublished":"2022-01-18"}]}'))
    ).toBe("2022-01-18")
  })

  it("ignores malformed JSON-LD and falls back to the article's time element", () => {
    const doc = page(
      "<time datetime='2019-01-01'>site launch</time><article><p>Story</p><time datetime='2023-10-20T16:05:00-07:00'>Friday</time></article>",
      '<script type="application/ld+json">{ "datePublished": "2021-01-01", </script>' +
        '<script type="application/ld+json">{"@type":"WebPage"}</script>'
    )
    expect(publishedDate(doc)).toBe("2023-10-20")
  })

  it("uses only time elements inside the article, main or role=main", () => {
    expect(publishedDate(page("<div><time datetime='2024-01-02'>Jan 2</time></div>"))).toBeNull()
    expect(publishedDate(page("<main><time datetime='2024-01-02'>Jan 2</time></main>"))).toBe("2024-01-02")
  })

  it("follows the documented order of sources", () => {
    const doc = page(
      "<article><time datetime='2020-05-05'>May 5</time></article>",
      "<script type='application/ld+json'>{\"datePublished\":\"2020-04-04\"}</script>" +
        "<meta name='date' content='2020-03-03'><meta property='article:published_time' content='2020-02-02'>"
    )
    expect(publishedDate(doc)).toBe("2020-02-02")
  })

  it("skips impossible dates and moves on to the next source", () => {
    const doc = page("", "<meta property='article:published_time' content='2024-02-30'><meta name='date' content='2024-02-29'>")
    expect(publishedDate(doc)).toBe("2024-02-29")
    expect(publishedDate(page("", "<meta name='date' content='not a date'>"))).toBeNull()
  })
})

describe("normaliseDate", () => {
  it.each([
    ["2024-07-28", "2024-07-28"],
    ["2024-7-8", "2024-07-08"],
    ["2024-07-28T23:59:59.000-11:00", "2024-07-28"],
    ["20240728T120000Z", "2024-07-28"],
    ["July 28, 2024", "2024-07-28"],
    ["Sunday, July 28th, 2024 9:00 AM", "2024-07-28"],
    ["28 July 2024", "2024-07-28"],
    ["Sept. 3, 2024", "2024-09-03"]
  ])("%s → %s", (input, expected) => {
    expect(normaliseDate(input)).toBe(expected)
  })

  it.each(["", "  ", "2024-13-01", "2023-02-29", "1700-01-01", "Smarch 3, 2024", "20240728123"])("rejects %j", (input) => {
    expect(normaliseDate(input)).toBeNull()
  })
})
