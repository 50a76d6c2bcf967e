// "Open at snippet": opens the page with a text fragment (the browser scrolls
// to and highlights the quote), then offers the quote to Track Record's
// content script in that tab, which can re-anchor it when the fragment does
// not match (the page changed, or the browser lacks text fragments).
import browser from "webextension-polyfill"

import type { Snippet, TextPositionSelector, TextQuoteSelector } from "~core/snippets/model"

import { textFragmentUrl } from "./text-fragment"

/** Sent to the opened tab once it has loaded. A tab without a listener for it simply ignores it. */
export interface SnippetFocusRequest {
  type: "snippet/focus"
  snippetId: string
  quote: TextQuoteSelector
  position: TextPositionSelector | null
}

/** Give up waiting for the page to load after this long. */
const LOAD_TIMEOUT_MS = 60_000

export function snippetLink(snippet: Snippet): string {
  return textFragmentUrl(snippet.url, snippet.quote)
}

export async function openSnippetTab(snippet: Snippet): Promise<void> {
  const tab = await browser.tabs.create({ url: snippetLink(snippet), active: true })
  const tabId = tab.id
  if (tabId === undefined) return
  const message: SnippetFocusRequest = { type: "snippet/focus", snippetId: snippet.id, quote: snippet.quote, position: snippet.position }
  const stop = () => {
    clearTimeout(timer)
    browser.tabs.onUpdated.removeListener(onUpdated)
  }
  const onUpdated = (id: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
    if (id !== tabId || change.status !== "complete") return
    stop()
    browser.tabs.sendMessage(tabId, message).catch(() => undefined)
  }
  const timer = setTimeout(stop, LOAD_TIMEOUT_MS)
  browser.tabs.onUpdated.addListener(onUpdated)
}
