// Helpers shared by the hostile-page, resilience and network suites: reading
// highlights, finding a page's tab and findings, and watching a page for
// errors, dialogs and executed payloads.
import type { BrowserContext, Page, Worker } from "playwright-core"

import type { TabFindings } from "../../src/lib/messages"
import type { ExtensionSession } from "../../scripts/lib/browser"

type Highlights = { highlights: Map<string, Set<Range>> }

export const highlightSize = (page: Page, name: string) =>
  page.evaluate((n) => (CSS as unknown as Highlights).highlights.get(n)?.size ?? 0, name)

/** Waits until at least one vendor (or `name`) highlight is painted. */
export const waitForFlags = (page: Page, name = "tr-vendor", timeout = 20_000) =>
  page.waitForFunction((n) => ((CSS as unknown as Highlights).highlights.get(n)?.size ?? 0) > 0, name, { timeout })

/** The extension's current service worker (a restart or reload replaces it). */
export async function currentWorker(context: BrowserContext, extensionId: string, timeout = 20_000): Promise<Worker> {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))
    for (const worker of live.reverse()) {
      const ok = await worker.evaluate(() => typeof chrome !== "undefined" && Boolean(chrome.runtime?.id)).catch(() => false)
      if (ok) return worker
    }
    await context.waitForEvent("serviceworker", { timeout: 1_000 }).catch(() => undefined)
  }
  throw new Error("the extension's service worker did not come back")
}

export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url()
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url)
  if (id === undefined) throw new Error(`no tab for ${url}`)
  return id
}

export async function findingsFor(worker: Worker, page: Page, timeoutMs = 15_000): Promise<TabFindings> {
  const tabId = await tabIdOf(worker, page)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const stored = (await worker.evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId)) as Record<string, TabFindings>
    const findings = stored[`tab:${tabId}`]
    if (findings) return findings
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no findings reported for ${page.url()}`)
}

export async function openFlagged(session: ExtensionSession, url: string, highlight = "tr-vendor"): Promise<Page> {
  const page = await session.context.newPage()
  await page.goto(url)
  await waitForFlags(page, highlight)
  return page
}

export const card = (page: Page) => page.locator("track-record-ui [role=dialog]")

/** Steps with Alt+Shift+N until the open card is a claim card about `vendor`. */
export async function openClaimCard(page: Page, vendor: string) {
  const dialog = card(page)
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Alt+Shift+KeyN")
    await dialog.waitFor()
    const label = await dialog.getAttribute("aria-label")
    if (label?.includes(vendor) && (await dialog.locator("q").count()) > 0) return dialog
  }
  throw new Error(`no claim card for ${vendor}`)
}

export interface PageWatch {
  /** Uncaught page errors and console errors, as text. */
  errors: string[]
  dialogs: string[]
}

/** Records uncaught errors, console errors and dialogs (alert/confirm/prompt) on a page. */
export function watchPage(page: Page, options: { ignoreConsole?: RegExp } = {}): PageWatch {
  const watch: PageWatch = { errors: [], dialogs: [] }
  page.on("pageerror", (error) => watch.errors.push(`pageerror: ${error.message}`))
  page.on("console", (message) => {
    if (message.type() !== "error") return
    const text = message.text()
    // The browser's own favicon request is not the page's or ours.
    if (/favicon\.ico$/.test(message.location().url)) return
    if (options.ignoreConsole?.test(text)) return
    watch.errors.push(`console: ${text}`)
  })
  page.on("dialog", (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss().catch(() => undefined)
  })
  return watch
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
