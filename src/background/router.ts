// Accepts messages only from this extension's own pages and content scripts,
// checks their shape, dispatches to one handler per message type, and always
// replies: `{ok: false, error}` on any failure, so no sender ever hangs.
import browser from "webextension-polyfill"

import type { Failure, Request } from "~lib/messages"

import findings from "./messages/tab-findings"
import loadDetector from "./messages/page-load-detector"
import nlpTag from "./messages/nlp-tag"
import pageReport from "./messages/page-report"
import snippetsDelete from "./messages/snippets-delete"
import snippetsImport from "./messages/snippets-import"
import snippetsList from "./messages/snippets-list"
import snippetsOpen from "./messages/snippets-open"
import snippetsRestore from "./messages/snippets-restore"
import snippetsSave from "./messages/snippets-save"
import snippetsUpdate from "./messages/snippets-update"
import { logOnce } from "./log"
import { checkRequest } from "./validate"

type Handler = (request: never, sender: browser.Runtime.MessageSender) => Promise<unknown>

const handlers: Record<Request["type"], Handler> = {
  ping: async () => ({ ok: true, pong: true }),
  "page/report": pageReport,
  "page/load-detector": loadDetector,
  "nlp/tag": nlpTag,
  "tab/findings": findings,
  "snippets/save": snippetsSave,
  "snippets/list": snippetsList,
  "snippets/update": snippetsUpdate,
  "snippets/delete": snippetsDelete,
  "snippets/restore": snippetsRestore,
  "snippets/import": snippetsImport,
  "snippets/open": snippetsOpen
}

/** Page-side messages must come from a tab; UI-side ones from our own pages. */
const FROM_TAB_ONLY = new Set<Request["type"]>(["page/report", "page/load-detector", "nlp/tag"])

export function isOwnSender(sender: browser.Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id
}

export async function handleMessage(message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> {
  if (!isOwnSender(sender)) return { ok: false, error: "Messages are accepted only from Track Record itself" } satisfies Failure
  let type = "message"
  try {
    const checked = checkRequest(message)
    if (!checked.ok) return { ok: false, error: checked.error } satisfies Failure
    const { request } = checked
    type = request.type
    if (FROM_TAB_ONLY.has(request.type) && sender.tab?.id === undefined)
      return { ok: false, error: `${request.type} must come from a page` } satisfies Failure
    return await handlers[request.type](request as never, sender)
  } catch (error) {
    logOnce(type, error)
    return { ok: false, error: error instanceof Error ? error.message : String(error) } satisfies Failure
  }
}
