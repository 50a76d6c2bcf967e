// A researcher's path through the built extension: save a flagged claim, find
// it in the collection, export it in every format, import it back, and have
// dismissals stick across reloads.
import { readFileSync } from "node:fs"
import { resolve } from "node:path"

import Papa from "papaparse"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { launchWithExtension, type ExtensionSession } from "../../scripts/lib/browser"
import { serveDirectory, type StaticServer } from "../../scripts/lib/serve"
import { highlightSize, openClaimCard, openFlagged } from "./support"

const root = resolve(import.meta.dirname, "../..")
const OUT = resolve(root, "test/e2e/out")

let session: ExtensionSession
let fixtures: StaticServer

beforeAll(async () => {
  fixtures = await serveDirectory(resolve(root, "test/fixtures/pages"))
  session = await launchWithExtension()
})

afterAll(async () => {
  await session?.close()
  await fixtures?.close()
})

type Highlights = { highlights: Map<string, Set<Range>> }

const openDemo = () => openFlagged(session, `${fixtures.origin}/demo-article.html`, "tr-claim")

async function openCollection(): Promise<Page> {
  const page = await session.context.newPage()
  await page.goto(`chrome-extension://${session.extensionId}/tabs/snippets.html`)
  return page
}

describe("saving and exporting snippets", () => {
  it("saves a claim from its card and lists it in the collection", async () => {
    const page = await openDemo()
    const dialog = await openClaimCard(page, "CrowdStrike")
    await dialog.getByRole("button", { name: "Save snippet" }).click()
    await expect.poll(() => dialog.getByRole("status").textContent()).toMatch(/Saved|Already/)
    await page.close()

    const collection = await openCollection()
    await expect.poll(() => collection.locator("article[aria-label^='Snippet']").count(), { timeout: 10_000 }).toBe(1)
    const article = collection.locator("article[aria-label^='Snippet']").first()
    expect(await article.textContent()).toContain("CrowdStrike")
    await collection.screenshot({ path: resolve(OUT, "collection.png"), fullPage: true })
    await collection.close()
  })

  it("opens the source page at the snippet, re-anchored by its quote", async () => {
    const collection = await openCollection()
    const link = collection.getByRole("link", { name: "Open at snippet" }).first()
    await link.waitFor()
    const [opened] = await Promise.all([session.context.waitForEvent("page"), link.click()])
    await opened.waitForLoadState()
    await expect
      .poll(() => opened.evaluate(() => [...((CSS as unknown as Highlights).highlights.get("tr-active") ?? [])].map((r) => r.toString())), {
        timeout: 20_000
      })
      .toEqual([expect.stringMatching(/cyberattack|restored|reliable/)])
    await opened.close()
    await collection.close()
  })

  it("exports CSV, JSON, JSONL and W3C files that parse back", async () => {
    const collection = await openCollection()
    await collection.locator("article[aria-label^='Snippet']").first().waitFor()
    const download = async (name: string) => {
      const [file] = await Promise.all([collection.waitForEvent("download"), collection.getByRole("button", { name, exact: true }).click()])
      return readFileSync((await file.path())!, "utf8")
    }

    const csv = Papa.parse<Record<string, string>>(await download("Export CSV"), { header: true, skipEmptyLines: true })
    expect(csv.errors).toEqual([])
    expect(csv.data).toHaveLength(1)
    expect(csv.data[0].url).toContain("/demo-article.html")

    const json = JSON.parse(await download("Export JSON"))
    expect(json.snippets).toHaveLength(1)

    const jsonl = (await download("Export JSONL")).trim().split("\n").map((line) => JSON.parse(line))
    expect(jsonl).toHaveLength(1)

    const w3c = JSON.parse(await download("Export W3C"))
    const annotations = Array.isArray(w3c) ? w3c : (w3c.first?.items ?? w3c.items)
    expect(annotations).toHaveLength(1)
    const annotation = annotations[0]
    expect(JSON.stringify(w3c["@context"] ?? annotation["@context"])).toContain("http://www.w3.org/ns/anno.jsonld")
    expect(annotation.type).toBe("Annotation")
    const selectors = [annotation.target.selector].flat()
    expect(selectors.map((s: { type: string }) => s.type)).toEqual(expect.arrayContaining(["TextQuoteSelector", "TextPositionSelector"]))
    expect(annotation.target.state).toMatchObject({ type: "TimeState" })
    await collection.close()
  })

  it("imports its own export without duplicating, and refuses a malformed file without changing anything", async () => {
    const collection = await openCollection()
    await collection.locator("article[aria-label^='Snippet']").first().waitFor()
    const [file] = await Promise.all([collection.waitForEvent("download"), collection.getByRole("button", { name: "Export JSON", exact: true }).click()])
    const exported = (await file.path())!

    await collection.getByLabel("Snippet file to import").setInputFiles(exported)
    await expect.poll(() => collection.getByRole("status").allTextContents(), { timeout: 5_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/duplicate/i)])
    )
    expect(await collection.locator("article[aria-label^='Snippet']").count()).toBe(1)

    await collection.getByLabel("Snippet file to import").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"format": "track-record-snippets", "snippets": [')
    })
    await expect.poll(() => collection.locator("[role=alert], [role=status]").allTextContents(), { timeout: 5_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/./)])
    )
    expect(await collection.locator("article[aria-label^='Snippet']").count()).toBe(1)
    await collection.close()
  })
})

describe("dismissals", () => {
  it("'Not this vendor' and 'Hide on this site' stick across reloads", async () => {
    const page = await openDemo()
    const before = await highlightSize(page, "tr-vendor")
    const dialog = await openClaimCard(page, "Fortinet")
    await dialog.getByRole("button", { name: "Not this vendor" }).click()
    await expect.poll(() => highlightSize(page, "tr-vendor"), { timeout: 10_000 }).toBeLessThan(before)
    const afterDismiss = await highlightSize(page, "tr-vendor")

    await page.reload()
    await page.waitForFunction(() => ((CSS as unknown as Highlights).highlights.get("tr-vendor")?.size ?? 0) > 0, null, { timeout: 20_000 })
    await expect.poll(() => highlightSize(page, "tr-vendor")).toBe(afterDismiss)

    const again = await openClaimCard(page, "CrowdStrike")
    await again.getByRole("button", { name: "Hide on this site" }).click()
    await expect.poll(() => highlightSize(page, "tr-vendor"), { timeout: 10_000 }).toBe(0)
    await page.reload()
    await page.waitForTimeout(2_000)
    expect(await highlightSize(page, "tr-vendor")).toBe(0)
    await page.close()
  })
})
