// Zero network: a whole reading session (flagged pages, cards, the popup, the
// collection page and an export) requests nothing but the local fixture
// servers and the extension's own files. Source links are fetched only when
// clicked.
import { readFileSync } from "node:fs"
import { resolve } from "node:path"

import type { Request } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { launchWithExtension, type ExtensionSession } from "../../scripts/lib/browser"
import { serveDirectory, type StaticServer } from "../../scripts/lib/serve"
import { card, findingsFor, openClaimCard, openFlagged, sleep, tabIdOf } from "./support"

const root = resolve(import.meta.dirname, "../..")

let session: ExtensionSession
let fixtures: StaticServer
let pages: StaticServer
const seen: { url: string; from: string }[] = []

const record = (request: Request) => {
  let from = "navigation"
  if (request.serviceWorker()) from = "service worker"
  else if (!request.isNavigationRequest()) from = request.frame().url()
  seen.push({ url: request.url(), from })
}

beforeAll(async () => {
  fixtures = await serveDirectory(resolve(root, "test/fixtures/pages"))
  pages = await serveDirectory(resolve(root, "test/e2e/pages"))
  session = await launchWithExtension()
  session.context.on("request", record)
  // Anything that is not local must never leave: refuse it, and the assertion below names it.
  await session.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort("blockedbyclient"))
})

afterAll(async () => {
  await session?.close()
  await fixtures?.close()
  await pages?.close()
})

const allowed = (url: string) =>
  url.startsWith(`${fixtures.origin}/`) ||
  url.startsWith(`${pages.origin}/`) ||
  url.startsWith(`chrome-extension://${session.extensionId}/`) ||
  url.startsWith("data:") ||
  url.startsWith("blob:chrome-extension://") ||
  url === "about:blank"

describe("zero network", () => {
  it("sees requests from pages and from the service worker (the recorder works)", async () => {
    const page = await session.context.newPage()
    await page.goto(`${pages.origin}/recipe.html?probe=page`)
    await session.worker.evaluate((url) => fetch(url).then((r) => r.status), `${pages.origin}/recipe.html?probe=worker`)
    await page.evaluate((url) => fetch(url).then((r) => r.status), `${pages.origin}/recipe.html?probe=subresource`)
    await expect.poll(() => seen.filter((s) => s.url.includes("probe=")).map((s) => `${s.url.split("probe=")[1]} from ${s.from}`)).toEqual(
      expect.arrayContaining(["page from navigation", `subresource from ${pages.origin}/recipe.html?probe=page`, "worker from service worker"])
    )
    await page.close()
  })

  it("a full session requests nothing beyond the fixture servers and the extension", async () => {
    const before = seen.length
    // Browse: the demo article, the hostile page and a page with no vendor.
    const article = await openFlagged(session, `${fixtures.origin}/demo-article.html`, "tr-claim")
    const other = await openFlagged(session, `${pages.origin}/hostile/xss.html`, "tr-claim")
    const plain = await session.context.newPage()
    await plain.goto(`${pages.origin}/recipe.html`)

    // Cards, with their source links on screen, and a save.
    const dialog = await openClaimCard(article, "CrowdStrike")
    await expect.poll(() => dialog.locator("a[href^='https://']").count()).toBeGreaterThan(0)
    const links = await dialog.locator("a[href^='https://']").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    await dialog.getByRole("button", { name: "Save snippet" }).click()
    await expect.poll(() => dialog.getByRole("status").textContent()).toMatch(/Saved|Already/)
    for (let i = 0; i < 6; i++) {
      await article.keyboard.press("Alt+Shift+KeyN")
      await card(article).waitFor()
    }
    await article.keyboard.press("Escape")
    await openClaimCard(other, "Okta")

    // The popup, the collection page with an export, and the options page.
    await findingsFor(session.worker, article)
    const tabId = await tabIdOf(session.worker, article)
    const popup = await session.context.newPage()
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}&tabId=${tabId}`)
    await expect.poll(() => popup.getByText("CrowdStrike").count(), { timeout: 10_000 }).toBeGreaterThan(0)
    const collection = await session.context.newPage()
    await collection.goto(`chrome-extension://${session.extensionId}/tabs/snippets.html`)
    await collection.locator("article[aria-label^='Snippet']").first().waitFor({ timeout: 10_000 })
    const [file] = await Promise.all([collection.waitForEvent("download"), collection.getByRole("button", { name: "Export JSON", exact: true }).click()])
    expect(JSON.parse(readFileSync((await file.path())!, "utf8")).snippets.length).toBeGreaterThan(0)
    const options = await session.context.newPage()
    await options.goto(`chrome-extension://${session.extensionId}/options.html`)
    await sleep(1_000)

    const session_ = seen.slice(before)
    expect(session_.length).toBeGreaterThan(5)
    expect(session_.filter((s) => !allowed(s.url))).toEqual([])
    // Source links were shown, never fetched.
    const hosts = new Set(links.map((l) => new URL(l).host))
    expect(seen.filter((s) => hosts.has(new URL(s.url).host))).toEqual([])
    for (const p of [article, other, plain, popup, collection, options]) await p.close()
  })

  it("a source link is requested only when the reader clicks it", async () => {
    const article = await openFlagged(session, `${fixtures.origin}/demo-article.html`, "tr-claim")
    const dialog = await openClaimCard(article, "CrowdStrike")
    const link = dialog.locator("a[href^='https://']").first()
    const href = await link.getAttribute("href")
    expect(seen.some((s) => s.url === href)).toBe(false)
    const [opened] = await Promise.all([session.context.waitForEvent("page"), link.click()])
    await expect.poll(() => seen.some((s) => s.url === href)).toBe(true)
    await opened.close()
    await article.close()
  })
})
