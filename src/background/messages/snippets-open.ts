// "Open at snippet": opens the saved page with a text fragment (the browser
// scrolls to the quote where it can) and queues the quote for the detector,
// which re-anchors it by text even when the page changed since.
import browser from "webextension-polyfill"

import type { Request, Response } from "~lib/messages"

import { setPendingFocus } from "../pending-focus"
import { snippetRepository } from "../snippets"
import { textFragmentUrl } from "~core/anchoring/text-fragment"

export default async function snippetsOpen(
  request: Extract<Request, { type: "snippets/open" }>
): Promise<Response<"snippets/open">> {
  const store = await snippetRepository().read()
  const snippet = store.snippets.find((s) => s.id === request.snippetId)
  if (!snippet) throw new Error("This snippet no longer exists.")
  const tab = await browser.tabs.create({ url: textFragmentUrl(snippet.url, snippet.quote), active: true })
  if (tab.id === undefined) throw new Error("The browser did not open a tab.")
  await setPendingFocus(tab.id, {
    quote: { exact: snippet.quote.exact, prefix: snippet.quote.prefix, suffix: snippet.quote.suffix },
    position: snippet.position ? { start: snippet.position.start, end: snippet.position.end } : null
  })
  return { ok: true, tabId: tab.id }
}
