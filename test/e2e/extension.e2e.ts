// The built extension in real Chromium, on pages served from 127.0.0.1: what a
// reader sees and clicks.
import { mkdirSync } from "node:fs"
import { resolve } from "node:path"

import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import type { TabFindings } from "../../src/lib/messages"
import { launchWithExtension, type ExtensionSession } from "../../scripts/lib/browser"
import { serveDirectory, type StaticServer } from "../../scripts/lib/serve"
import {
  card,
  findingsFor as findingsForWorker,
  highlightSize,
  openFlagged as openFlaggedPage,
  tabIdOf as tabIdOfWorker
} from "./support"

const root = resolve(import.meta.dirname, "../..")
const OUT = resolve(root, "test/e2e/out")
mkdirSync(OUT, { recursive: true })

let session: ExtensionSession
let fixtures: StaticServer
let e2ePages: StaticServer

beforeAll(async () => {
  fixtures = await serveDirectory(resolve(root, "test/fixtures/pages"))
  e2ePages = await serveDirectory(resolve(root, "test/e2e/pages"))
  session = await launchWithExtension()
})

afterAll(async () => {
  await session?.close()
  await fixtures?.close()
  await e2ePages?.close()
})

// ---------------------------------------------------------------- helpers

const tabIdOf = (page: Page) => tabIdOfWorker(session.worker, page)
const findingsFor = (page: Page) => findingsForWorker(session.worker, page)
const openFlagged = (url: string) => openFlaggedPage(session, url)

// ---------------------------------------------------------------- tests

describe("service worker", () => {
  it("answers the test hook and messages from extension pages, and refuses malformed ones", async () => {
    expect(await session.worker.evaluate(() => (globalThis as unknown as { __trackRecord: { ping(): string } }).__trackRecord.ping())).toBe("pong")
    const page = await session.context.newPage()
    await page.goto(`chrome-extension://${session.extensionId}/options.html`)
    const replies = await page.evaluate(async () => [
      await chrome.runtime.sendMessage({ type: "ping" }),
      await chrome.runtime.sendMessage({ type: "nope" }),
      await chrome.runtime.sendMessage({ type: "page/report", report: { url: "javascript:alert(1)" } })
    ])
    expect(replies[0]).toEqual({ ok: true, pong: true })
    expect(replies[1]).toMatchObject({ ok: false, error: expect.stringContaining("Unknown message type") })
    expect(replies[2]).toMatchObject({ ok: false })
    await page.close()
  })
})

describe("reading the demo article", () => {
  let page: Page
  let findings: TabFindings

  beforeAll(async () => {
    page = await openFlagged(`${fixtures.origin}/demo-article.html`)
    findings = await findingsFor(page)
  })

  it("highlights vendors and claims without changing the page's DOM", async () => {
    expect(await highlightSize(page, "tr-vendor")).toBeGreaterThan(2)
    expect(await highlightSize(page, "tr-claim")).toBeGreaterThan(0)
    expect(await page.locator("track-record-mark").count()).toBe(0)
  })

  it("matches CrowdStrike to the July 2024 faulty update with a source link", async () => {
    const vendors = findings.report.mentions.map((m) => m.vendor)
    expect(vendors).toContain("CrowdStrike")
    const crowdstrike = findings.context.vendors[findings.report.mentions.find((m) => m.vendor === "CrowdStrike")!.vendorId]
    const ids = Object.values(crowdstrike.byKind).flat().map((i) => i!.id)
    expect(ids.some((id) => id.startsWith("crowdstrike-2024-07"))).toBe(true)
    expect(findings.report.claims.length).toBeGreaterThan(0)
    expect(findings.published).toBe("2024-07-28")
  })

  it("sets the toolbar badge to the number of flagged claims", async () => {
    const tabId = await tabIdOf(page)
    const text = await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)
    expect(text).toBe(String(findings.report.claims.length))
  })

  it("opens a card on hover with the vendor's incidents and working source links", async () => {
    const box = await page.evaluate(() => {
      const ranges = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("tr-claim") ?? [])]
      ranges[0].startContainer.parentElement!.scrollIntoView({ block: "center" })
      // The first line box of the claim: a claim can wrap, and the gap between lines is not on it.
      const rect = ranges[0].getClientRects()[0]
      return { x: rect.left + Math.min(8, rect.width / 2), y: rect.top + rect.height / 2 }
    })
    await page.mouse.move(box.x - 40, box.y - 40)
    await page.mouse.move(box.x, box.y, { steps: 4 })
    await expect.poll(() => card(page).count(), { timeout: 5_000 }).toBe(1)
    await expect.poll(() => card(page).locator("a[href^='https://']").count()).toBeGreaterThan(0)
    await page.screenshot({ path: resolve(OUT, "card.png") })
    await page.keyboard.press("Escape")
    await expect.poll(() => card(page).count()).toBe(0)
  })

  it("steps through flags from the keyboard and the card is operable by keyboard", async () => {
    await page.keyboard.press("Alt+Shift+KeyN")
    await expect.poll(() => card(page).count()).toBe(1)
    const focused = await page.evaluate(() => document.querySelector("track-record-ui")?.shadowRoot?.activeElement?.getAttribute("role"))
    expect(focused).toBe("dialog")
    await page.keyboard.press("Tab")
    const tag = await page.evaluate(() => document.querySelector("track-record-ui")?.shadowRoot?.activeElement?.tagName)
    expect(["BUTTON", "A"]).toContain(tag)
    await page.keyboard.press("Escape")
  })

  it("renders the popup with the vendors found on the tab", async () => {
    const tabId = await tabIdOf(page)
    const popup = await session.context.newPage()
    await popup.setViewportSize({ width: 420, height: 700 })
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`)
    await expect.poll(() => popup.getByText("CrowdStrike").count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await popup.screenshot({ path: resolve(OUT, "popup.png"), fullPage: true })
    await popup.close()
  })

  it("scrolls to a claim and opens its card when the claim is clicked in the popup", async () => {
    const tabId = await tabIdOf(page)
    const popup = await session.context.newPage()
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`)
    const claimText = findings.report.claims[0].text
    const button = popup.getByRole("button", { name: claimText }).first()
    await button.waitFor({ timeout: 10_000 })
    await Promise.all([popup.waitForEvent("close"), button.click()])
    await expect.poll(() => card(page).locator("q").textContent(), { timeout: 5_000 }).toBe(claimText)
    await page.keyboard.press("Escape")
  })

  it("saves a selection from the context menu action with vendor and claim detected", async () => {
    const tabId = await tabIdOf(page)
    const selected = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll("article p")].find((p) => /CrowdStrike/.test(p.textContent ?? ""))!
      const range = document.createRange()
      range.selectNodeContents(paragraph)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
      return getSelection()!.toString()
    })
    await session.worker.evaluate(
      ([id, text, url]) =>
        (globalThis as unknown as { __trackRecord: { saveSelection(a: number, b: number, c: string, d: string): Promise<void> } }).__trackRecord.saveSelection(
          id as number, 0, text as string, url as string
        ),
      [tabId, selected, page.url()]
    )
    const raw = (await session.worker.evaluate(() => chrome.storage.local.get("snippets"))) as { snippets?: string }
    const store = JSON.parse(raw.snippets ?? "{}") as { snippets: { quote: { exact: string; prefix: string }; vendors: string[]; pageDate: string | null }[] }
    const saved = store.snippets.find((s) => s.quote.exact === selected)
    expect(saved?.vendors).toContain("CrowdStrike")
    expect(saved?.pageDate).toBe("2024-07-28")
  })
})

describe("pages without vendors and editors", () => {
  it("does not load the detector on a page with no vendor", async () => {
    const page = await session.context.newPage()
    await page.goto(`${e2ePages.origin}/recipe.html`)
    await page.waitForTimeout(1_500)
    expect(await highlightSize(page, "tr-vendor")).toBe(0)
    expect(await page.locator("track-record-ui").count()).toBe(0)
    const tabId = await tabIdOf(page)
    const stored = await session.worker.evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId)
    expect(stored).toEqual({})
    // The popup says the page names no vendor, not that it is still being read.
    const popup = await session.context.newPage()
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`)
    await expect.poll(() => popup.getByText("No vendors on this page").count(), { timeout: 10_000 }).toBe(1)
    expect(await popup.getByText("No findings for this page yet").count()).toBe(0)
    await popup.close()
    await page.close()
  })

  it("leaves an editable region untouched while flagging the rest of the page", async () => {
    const page = await openFlagged(`${e2ePages.origin}/editor.html`)
    const inEditor = await page.evaluate(() => {
      const editor = document.getElementById("editor")!
      const all = ["tr-vendor", "tr-claim"].flatMap((n) => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n) ?? [])])
      return { flagged: all.filter((r) => editor.contains(r.startContainer)).length, children: editor.childNodes.length }
    })
    expect(inEditor).toEqual({ flagged: 0, children: 1 })
    await page.close()
  })

  it("flags content a page adds later, and the page's own script keeps working", async () => {
    const page = await session.context.newPage()
    await page.goto(`${e2ePages.origin}/dynamic.html`)
    await page.waitForFunction(
      () => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("tr-claim")?.size ?? 0) > 0,
      null,
      { timeout: 20_000 }
    )
    expect(await page.locator("#page-own-state").textContent()).toBe("page script ran")
    const findings = await findingsFor(page)
    expect(findings.report.mentions.map((m) => m.vendor)).toContain("Cloudflare")
    await page.close()
  })
})

describe("display modes", () => {
  async function setMode(mode: "quiet" | "inline" | "strict") {
    const page = await session.context.newPage()
    await page.goto(`chrome-extension://${session.extensionId}/options.html`)
    await page.locator(`input[type=radio][name=mode][value=${mode}]`).check()
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Saved/i)
    await page.close()
  }

  it("quiet mode keeps the badge and popup but paints nothing on the page", async () => {
    await setMode("quiet")
    const page = await session.context.newPage()
    await page.goto(`${fixtures.origin}/demo-article.html`)
    const findings = await findingsFor(page)
    expect(findings.report.claims.length).toBeGreaterThan(0)
    expect(await highlightSize(page, "tr-vendor")).toBe(0)
    expect(await highlightSize(page, "tr-claim")).toBe(0)
    await page.close()
  })

  it("strict mode adds a summary bar on article pages", async () => {
    await setMode("strict")
    const page = await openFlagged(`${fixtures.origin}/demo-article.html`)
    const bar = page.locator("track-record-ui [role=region]")
    await expect.poll(() => bar.count(), { timeout: 10_000 }).toBe(1)
    expect(await bar.textContent()).toMatch(/claims? about \d+ vendors?/)
    await bar.getByRole("button", { name: "Show the first claim" }).click()
    await expect.poll(() => card(page).locator("q").count()).toBe(1)
    await setMode("inline")
    await page.close()
  })
})

