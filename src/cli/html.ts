// Saved HTML pages → readable text and metadata, with linkedom as the DOM.

import { parseHTML } from "linkedom"

import { extractText, type ExtractedText } from "../dom/extract"
import { pageTitle, publishedDate } from "../dom/metadata"
import type { IsoDate } from "../core/types"

export interface HtmlText {
  text: string
  title: string | null
  published: IsoDate | null
  truncated: boolean
}

const HEAD_TAGS = new Set(["title", "meta", "link", "base", "style"])

/**
 * linkedom builds the tree exactly as written and does not add the implied
 * `<html>`, `<head>` and `<body>` of HTML parsing, and its `document.body`
 * creates an empty body when none sits right after the head. Fragments and
 * sloppy pages are moved into a well-formed document so both work.
 */
function wellFormed(doc: Document): Document {
  const html = doc.documentElement
  if (html?.localName === "html") {
    const children = Array.from(html.children).map((el) => el.localName)
    if (children.join() === "head,body" || children.join() === "body") return doc
  }
  const fresh = parseHTML("<!doctype html><html><head></head><body></body></html>").document as unknown as Document
  const head = fresh.head
  const body = fresh.body
  const place = (node: ChildNode): void => {
    if (node.nodeType === 1) {
      const el = node as Element
      const tag = el.localName
      if (tag === "html" || tag === "head" || tag === "body") {
        for (const child of Array.from(el.childNodes)) {
          if (tag === "head" && child.nodeType === 1) head.appendChild(child)
          else place(child)
        }
        return
      }
      if (HEAD_TAGS.has(tag)) head.appendChild(el)
      else body.appendChild(el)
    } else if (node.nodeType === 3) {
      body.appendChild(node)
    }
    // Doctype, comments and processing instructions carry no text.
  }
  for (const node of Array.from(doc.childNodes)) place(node)
  return fresh
}

export function parseDocument(html: string): Document {
  return wellFormed(parseHTML(html).document as unknown as Document)
}

/** The article text of a saved page, its title and its publication date. */
export function readHtml(html: string, maxChars: number): HtmlText {
  const doc = parseDocument(html)
  const extracted: ExtractedText = extractText(doc, { mode: "article", maxChars })
  return { text: extracted.text, title: pageTitle(doc), published: publishedDate(doc), truncated: extracted.truncated }
}
