// "Open at snippet": the background opens the page with a text fragment (the
// browser scrolls to and highlights the quote) and hands the quote to Track
// Record's detector in that tab, which re-anchors it by text when the fragment
// does not match (the page changed, or the browser lacks text fragments).
import type { Snippet } from "~core/snippets/model"
import { textFragmentUrl } from "~core/anchoring/text-fragment"
import { send } from "~lib/send"

export function snippetLink(snippet: Snippet): string {
  return textFragmentUrl(snippet.url, snippet.quote)
}

export async function openSnippetTab(snippet: Snippet): Promise<void> {
  await send({ type: "snippets/open", snippetId: snippet.id })
}
