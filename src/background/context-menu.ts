// "Save selection to Track Record": any selected text becomes a snippet, with
// vendor and claim detection run on the selection itself.
import browser from "webextension-polyfill"

import { buildVendorRecords, incidentsForKind } from "~core/context"
import { analyzeText } from "~core/analyze"
import { dataset } from "~core/dataset"
import { createSnippet, snippetIncident } from "~core/snippets/model"
import { t } from "~lib/i18n"

import { logOnce } from "./log"
import saveSnippet from "./messages/snippets-save"
import { setBadge } from "./badge"
import { loadTabFindings } from "./tab-store"

const MENU_ID = "track-record-save-selection"

export function registerContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_ID, title: t("menu_saveSelection"), contexts: ["selection"] })
  ).catch((error) => logOnce("context-menu", error))
}

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID || !info.selectionText || !tab?.id) return
  void saveSelection(tab.id, info.frameId ?? 0, info.selectionText, info.pageUrl ?? tab.url ?? "").catch((error) =>
    logOnce("save-selection", error)
  )
})

/** Runs in the page: the selection with up to 32 characters of context either side. */
function describeSelection() {
  const selection = getSelection()
  if (!selection || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  const block = (range.commonAncestorContainer.nodeType === 1
    ? (range.commonAncestorContainer as Element)
    : range.commonAncestorContainer.parentElement
  )?.closest("p, li, blockquote, td, h1, h2, h3, h4, h5, h6, article, section, div, body")
  const before = document.createRange()
  const after = document.createRange()
  if (block) {
    before.selectNodeContents(block)
    before.setEnd(range.startContainer, range.startOffset)
    after.selectNodeContents(block)
    after.setStart(range.endContainer, range.endOffset)
  }
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content") ?? null
  return {
    exact: range.toString(),
    prefix: block ? before.toString().slice(-32) : "",
    suffix: block ? after.toString().slice(0, 32) : "",
    title: meta('meta[property="og:title"]') ?? document.title ?? null,
    published: (meta('meta[property="article:published_time"]') ?? document.querySelector("time[datetime]")?.getAttribute("datetime") ?? "").slice(0, 10) || null
  }
}

export async function saveSelection(tabId: number, frameId: number, selectionText: string, pageUrl: string) {
  let described: ReturnType<typeof describeSelection> = null
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: describeSelection })
    described = (result?.result as ReturnType<typeof describeSelection>) ?? null
  } catch {
    // Pages we may not script (browser pages, PDF viewer): save the bare selection.
  }
  const exact = described?.exact?.trim() ? described.exact : selectionText
  const analysis = analyzeText(exact)
  const published = described?.published && /^\d{4}-\d{2}-\d{2}$/.test(described.published) ? described.published : null
  const records = buildVendorRecords(
    dataset,
    { published, mentions: analysis.mentions, claims: analysis.claims },
    { today: new Date().toISOString().slice(0, 10), timelineWindowDays: 90 }
  )
  const claim = analysis.claims[0] ?? null
  const vendors = Object.values(records)
  const created = createSnippet({
    url: pageUrl,
    quote: { exact, prefix: described?.prefix ?? "", suffix: described?.suffix ?? "" },
    pageTitle: described?.title ?? null,
    pageDate: published,
    vendors: vendors.map((v) => ({ id: v.id, name: v.name })),
    claimKind: claim?.kind ?? null,
    rule: claim?.rule ?? null,
    incidents: vendors.flatMap((v) => incidentsForKind(v, claim?.kind, 3)).map(snippetIncident)
  })
  if (!created.ok) throw new Error(created.reason)
  const reply = await saveSnippet({ type: "snippets/save", snippet: created.snippet })
  // A brief "saved" tick on the badge; the claim count comes back on the next report.
  if (reply.ok) {
    await browser.action.setBadgeText({ tabId, text: "✓" }).catch(() => undefined)
    setTimeout(() => {
      void loadTabFindings(tabId).then((findings) => setBadge(tabId, findings?.report.claims.length ?? 0))
    }, 1500)
  }
}
