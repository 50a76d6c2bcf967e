// Nothing is lost: snippets, settings and per-tab findings survive a stopped
// service worker, an extension reload and a browser restart; concurrent saves
// all land; a full storage area and bad import files change nothing and say
// why; and a page open during an extension reload keeps working quietly.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import type { Page, Worker } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { createSnippet, type Snippet } from "../../src/core/snippets/model"
import { launchWithExtension, type ExtensionSession } from "../../scripts/lib/browser"
import { serveDirectory, type StaticServer } from "../../scripts/lib/serve"
import { currentWorker, findingsFor, openClaimCard, openFlagged, sleep, tabIdOf, waitForFlags, watchPage } from "./support"

const root = resolve(import.meta.dirname, "../..")
const profileDir = mkdtempSync(join(tmpdir(), "track-record-resilience-"))

let session: ExtensionSession
let worker: Worker
let fixtures: StaticServer
let pages: StaticServer

beforeAll(async () => {
  fixtures = await serveDirectory(resolve(root, "test/fixtures/pages"))
  pages = await serveDirectory(resolve(root, "test/e2e/pages"))
  session = await launchWithExtension({ profileDir })
  worker = session.worker
})

afterAll(async () => {
  await session?.close()
  await fixtures?.close()
  await pages?.close()
  rmSync(profileDir, { recursive: true, force: true })
})

// ---------------------------------------------------------------- helpers

const SETTINGS = { mode: "inline", disabledSites: ["blocked.example"], timelineWindowDays: 45 }

function snippet(n: number, tag = "batch"): Snippet {
  const created = createSnippet({
    url: `https://news.example/${tag}/${n}`,
    quote: { exact: `Vendor ${n} says its platform is more reliable (${tag})`, prefix: "Today ", suffix: " than ever." },
    pageTitle: `Story ${n}`,
    pageDate: "2024-07-28",
    vendors: [],
    claimKind: "reliability",
    rule: "comparative-reliability",
    incidents: []
  })
  if (!created.ok) throw new Error(created.reason)
  return created.snippet
}

async function extensionPage(path: string): Promise<Page> {
  const page = await session.context.newPage()
  await page.goto(`chrome-extension://${session.extensionId}/${path}`)
  return page
}

async function storedSnippetIds(w: Worker = worker): Promise<string[]> {
  const raw = (await w.evaluate(() => chrome.storage.local.get("snippets")))["snippets"]
  if (typeof raw !== "string") return []
  return (JSON.parse(raw) as { snippets: Snippet[] }).snippets.map((s) => s.id).sort()
}

const storedSettings = async (w: Worker = worker) => {
  const raw = (await w.evaluate(() => chrome.storage.local.get("settings")))["settings"]
  return typeof raw === "string" ? JSON.parse(raw) : null
}

const send = (page: Page, message: unknown) => page.evaluate((m) => chrome.runtime.sendMessage(m), message)

/** Stops the extension's service worker, as the browser does after 30 s idle, and waits until it has stopped. */
async function stopWorker(page: Page) {
  const cdp = await session.context.newCDPSession(page)
  const statuses: string[] = []
  let versionId = ""
  cdp.on("ServiceWorker.workerVersionUpdated", (event) => {
    for (const v of event.versions)
      if (v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) {
        versionId = v.versionId
        statuses.push(v.runningStatus)
      }
  })
  await cdp.send("ServiceWorker.enable")
  await expect.poll(() => versionId, { timeout: 5_000 }).not.toBe("")
  const before = statuses.length
  await cdp.send("ServiceWorker.stopWorker", { versionId })
  // A message from an open page may wake a fresh worker right away: seeing "stopped" is enough.
  await expect.poll(() => statuses.slice(before).includes("stopped"), { timeout: 10_000 }).toBe(true)
  await cdp.detach()
}

// ---------------------------------------------------------------- tests

describe("a stopped service worker", () => {
  it("keeps snippets, settings and the tab's findings; the popup still shows them", async () => {
    const article = await openFlagged(session, `${fixtures.origin}/demo-article.html`, "tr-claim")
    const findings = await findingsFor(worker, article)
    const collection = await extensionPage("tabs/snippets.html")
    expect(await send(collection, { type: "snippets/save", snippet: snippet(1, "restart") })).toMatchObject({ ok: true })
    await collection.evaluate((s) => chrome.storage.local.set({ settings: JSON.stringify(s) }), SETTINGS)
    const ids = await storedSnippetIds()
    const tabId = await tabIdOf(worker, article)

    // A marker in the worker's memory tells the old worker from a fresh one.
    await worker.evaluate(() => ((globalThis as unknown as { __marker: number }).__marker = 1))
    await stopWorker(collection)
    // The next message wakes a fresh worker.
    expect(await send(collection, { type: "ping" })).toEqual({ ok: true, pong: true })
    worker = await currentWorker(session.context, session.extensionId)
    expect(await worker.evaluate(() => (globalThis as unknown as { __marker?: number }).__marker ?? null)).toBeNull()
    expect(await storedSnippetIds()).toEqual(ids)
    expect(await storedSettings()).toMatchObject(SETTINGS)
    const again = (await send(collection, { type: "tab/findings", tabId })) as { findings: typeof findings }
    expect(again.findings?.report.claims.length).toBe(findings.report.claims.length)

    const popup = await extensionPage(`popup.html?tab=${tabId}&tabId=${tabId}`)
    await expect.poll(() => popup.getByText("CrowdStrike").count(), { timeout: 10_000 }).toBeGreaterThan(0)
    const listed = (await send(collection, { type: "snippets/list" })) as { store: { snippets: Snippet[] } }
    expect(listed.store.snippets.map((s) => s.id).sort()).toEqual(ids)
    for (const p of [popup, collection, article]) await p.close()
  })
})

describe("concurrent writes", () => {
  it("saves from two tabs at the same moment all land", async () => {
    const before = await storedSnippetIds()
    const [a, b] = await Promise.all([extensionPage("tabs/snippets.html"), extensionPage("options.html")])
    const batchA = Array.from({ length: 12 }, (_, i) => snippet(i, "tab-a"))
    const batchB = Array.from({ length: 12 }, (_, i) => snippet(i, "tab-b"))
    const saveAll = (page: Page, list: Snippet[]) =>
      page.evaluate((items) => Promise.all(items.map((s) => chrome.runtime.sendMessage({ type: "snippets/save", snippet: s }))), list)
    const [repliesA, repliesB] = await Promise.all([saveAll(a, batchA), saveAll(b, batchB)])
    expect([...repliesA, ...repliesB].every((r) => (r as { ok: boolean }).ok)).toBe(true)
    const after = await storedSnippetIds()
    expect(after.length).toBe(before.length + 24)
    expect(after).toEqual(expect.arrayContaining([...batchA, ...batchB].map((s) => s.id)))
    await a.close()
    await b.close()
  })
})

describe("full storage", () => {
  it("a save into a full storage area says so and keeps the existing snippets", async () => {
    const before = await storedSnippetIds()
    const article = await openFlagged(session, `${fixtures.origin}/demo-article.html`, "tr-claim")
    const filler = await extensionPage("options.html")
    // Fill storage.local to a few hundred bytes under its quota.
    const left = await filler.evaluate(async () => {
      const quota = chrome.storage.local.QUOTA_BYTES
      const used = await chrome.storage.local.getBytesInUse(null)
      const size = quota - used - 400
      await chrome.storage.local.set({ filler: "x".repeat(size) })
      return quota - (await chrome.storage.local.getBytesInUse(null))
    })
    expect(left).toBeLessThan(1_000)

    const dialog = await openClaimCard(article, "CrowdStrike")
    await dialog.getByRole("button", { name: "Save snippet" }).click()
    await expect.poll(() => dialog.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/Storage is full/)
    expect(await dialog.getByRole("status").textContent()).toMatch(/Nothing was changed/)
    expect(await storedSnippetIds()).toEqual(before)

    // Once there is room again, the same save works.
    await filler.evaluate(() => chrome.storage.local.remove("filler"))
    await dialog.getByRole("button", { name: "Save snippet" }).click()
    await expect.poll(() => dialog.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/Saved/)
    expect((await storedSnippetIds()).length).toBe(before.length + 1)
    await filler.close()
    await article.close()
  })
})

describe("bad import files", () => {
  const cases: [string, { name: string; mimeType: string; buffer: Buffer }, RegExp][] = [
    ["a truncated JSON export", { name: "cut.json", mimeType: "application/json", buffer: Buffer.from('{"format": "track-record-snippets", "version": 1, "snippets": [{"id": "a') }, /./],
    ["a file that is not JSON at all", { name: "notes.json", mimeType: "application/json", buffer: Buffer.from("<html><script>alert(1)</script></html>") }, /./],
    [
      "a hostile JSON with __proto__ keys",
      {
        name: "proto.json",
        mimeType: "application/json",
        buffer: Buffer.from(
          '{"__proto__": {"polluted": "yes"}, "format": "track-record-snippets", "version": 1, "snippets": [{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}]}'
        )
      },
      /./
    ],
    ["a CSV export (not importable)", { name: "snippets.csv", mimeType: "text/csv", buffer: Buffer.from("id,url,exact\n1,https://a.example/,text\n") }, /./],
    ["a file over the size limit", { name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) }, /too large|limit|MB/i]
  ]

  it.each(cases)("%s changes nothing and says why", async (_label, file, reason) => {
    const before = await storedSnippetIds()
    const collection = await extensionPage("tabs/snippets.html")
    const watch = watchPage(collection)
    await collection.locator("article[aria-label^='Snippet']").first().waitFor({ timeout: 10_000 })
    await collection.getByLabel("Snippet file to import").setInputFiles(file)
    const alert = collection.locator("[role=alert]")
    await expect.poll(() => alert.allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringMatching(reason)]))
    const text = (await alert.allTextContents()).join(" ")
    expect(text.length).toBeGreaterThan(20)
    expect(await storedSnippetIds()).toEqual(before)
    expect(await worker.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty("polluted")
    expect(await collection.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty("polluted")
    expect(watch.dialogs).toEqual([])
    await collection.close()
  })
})

describe("a browser restart with the same profile", () => {
  it("keeps snippets, settings and dismissals", async () => {
    const helper = await extensionPage("options.html")
    await helper.evaluate(() => chrome.storage.local.set({ dismissals: JSON.stringify({ notVendor: [], notClaim: ["more reliable"] }) }))
    await helper.close()
    const ids = await storedSnippetIds()
    expect(ids.length).toBeGreaterThan(20)

    await session.close()
    session = await launchWithExtension({ profileDir })
    worker = await currentWorker(session.context, session.extensionId)
    expect(await storedSnippetIds()).toEqual(ids)
    expect(await storedSettings()).toMatchObject(SETTINGS)
    const dismissals = (await worker.evaluate(() => chrome.storage.local.get("dismissals")))["dismissals"]
    expect(JSON.parse(dismissals as string)).toMatchObject({ notClaim: ["more reliable"] })

    const collection = await extensionPage("tabs/snippets.html")
    await expect.poll(() => collection.locator("article[aria-label^='Snippet']").count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await collection.close()
  })
})

describe("an extension reload or update", () => {
  // In a real browser the reloaded extension comes back with its storage (the restart test above
  // checks that storage survives a fresh load of the extension). Under Playwright's
  // --disable-extensions flags a reloaded unpacked extension stays unloaded (its pages answer
  // ERR_BLOCKED_BY_CLIENT), so this test checks the other half: the content scripts already on an
  // open page are orphaned ("extension context invalidated") and must leave quietly.
  it("leaves a page that was open during the reload working, without errors from our scripts", async () => {
    const live = await session.context.newPage()
    const watch = watchPage(live)
    live.on("console", (m) => {
      if (m.type() !== "error" && m.text().includes("Track Record")) watch.errors.push(`console ${m.type()}: ${m.text()}`)
    })
    await live.goto(`${pages.origin}/robust/live.html`)
    await waitForFlags(live)

    const options = await extensionPage("options.html")
    const gone = new Promise<void>((ok) => worker.once("close", () => ok()))
    await options.evaluate(() => setTimeout(() => chrome.runtime.reload(), 50))
    await gone

    // The page keeps mutating; the reader hovers, uses the keys and clicks.
    const count = Number(await live.locator("#count").textContent())
    await live.mouse.move(100, 100)
    await live.mouse.move(300, 200, { steps: 5 })
    await live.keyboard.press("Alt+Shift+KeyN")
    await live.keyboard.press("Escape")
    await live.locator("#btn").click()
    await sleep(3_000)
    expect(Number(await live.locator("#count").textContent())).toBeGreaterThan(count + 5)
    expect(await live.locator("#clicks").textContent()).toBe("1")
    expect(watch.errors).toEqual([])
    await live.close()
  })
})
