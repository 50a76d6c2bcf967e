// The extension never breaks a page: big pages, busy pages, frames, shadow
// DOM, editors, a strict CSP, and pages it cannot or should not read. Each
// page's own script keeps working, and nothing of ours throws.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import type { Frame, Page, Worker } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { launchWithExtension, type ExtensionSession } from "../../scripts/lib/browser"
import { serveDirectory, type StaticServer } from "../../scripts/lib/serve"
import { card, findingsFor, highlightSize, sleep, waitForFlags, watchPage, type PageWatch } from "./support"

const root = resolve(import.meta.dirname, "../..")
const generatedDir = mkdtempSync(join(tmpdir(), "track-record-pages-"))

let session: ExtensionSession
let pages: StaticServer
let other: StaticServer
let generated: StaticServer

/** Records long tasks (> 50 ms) and the load time, before any other script runs. */
const LONG_TASKS =
  "<script>window.__long=[];new PerformanceObserver(function(l){l.getEntries().forEach(function(e){window.__long.push({start:e.startTime,duration:e.duration})})}).observe({type:'longtask',buffered:true});addEventListener('load',function(){window.__loadedAt=performance.now()})</script>"

const SENTENCES = [
  "The council met on Tuesday to discuss the budget for the coming year.",
  "Rain is expected across the region for most of the weekend.",
  "CrowdStrike says its platform is more reliable than it was a year ago.",
  "Local schools reported higher attendance after the holiday break.",
  "The bakery on Main Street has extended its opening hours.",
  "Okta says its identity platform is the most secure in the industry.",
  "A new cycle lane will open next month along the river path.",
  "Analysts expect the merger to close by the end of the quarter.",
  "Cloudflare says all systems have been restored after the incident.",
  "The museum's winter exhibition features work by regional artists.",
  "Volunteers collected more than two tonnes of litter from the beach.",
  "Microsoft says Azure offers 99.99% uptime for its core services."
]

function bigArticle(targetChars: number): string {
  const paragraphs: string[] = []
  let size = 0
  for (let i = 0; size < targetChars; i++) {
    const p = Array.from({ length: 6 }, (_, j) => SENTENCES[(i * 7 + j * 5) % SENTENCES.length]).join(" ")
    paragraphs.push(`<p>${p}</p>`)
    size += p.length
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A very long article</title>${LONG_TASKS}</head><body><article><h1>A very long article</h1>\n${paragraphs.join("\n")}\n</article></body></html>`
}

function bigDom(items: number): string {
  const list = Array.from({ length: items }, (_, i) => `<li>Item ${i} <span>tag ${i % 13}</span></li>`).join("")
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A huge list</title>${LONG_TASKS}</head><body><ul>${list}</ul><p id="last">Fortinet says FortiGate is more secure than ever.</p></body></html>`
}

beforeAll(async () => {
  writeFileSync(join(generatedDir, "big-article.html"), bigArticle(1_000_000))
  // 25,000 items of four nodes each (li, text, span, text): 100,000 nodes.
  writeFileSync(join(generatedDir, "big-dom.html"), bigDom(25_000))
  pages = await serveDirectory(resolve(root, "test/e2e/pages"), {
    headers: (path): Record<string, string> => {
      if (path.endsWith("/csp.html")) return { "content-security-policy": "default-src 'none'; style-src 'self'" }
      if (path.endsWith(".pdf")) return { "content-type": "application/pdf" }
      return {}
    }
  })
  other = await serveDirectory(resolve(root, "test/e2e/pages"))
  generated = await serveDirectory(generatedDir)
  session = await launchWithExtension()
  await trapWorkerErrors(session.worker)
})

afterAll(async () => {
  await session?.close()
  await Promise.all([pages?.close(), other?.close(), generated?.close()])
  rmSync(generatedDir, { recursive: true, force: true })
})

// ---------------------------------------------------------------- helpers

/** Collects the worker's console errors and unhandled rejections. */
async function trapWorkerErrors(worker: Worker) {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __errors?: string[] }
    if (g.__errors) return
    const errors: string[] = (g.__errors = [])
    const original = console.error.bind(console)
    console.error = (...args: unknown[]) => {
      errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(" "))
      original(...args)
    }
    self.addEventListener("unhandledrejection", (e) => errors.push(`unhandled: ${String((e.reason as Error)?.message ?? e.reason)}`))
    self.addEventListener("error", (e) => errors.push(`error: ${e.message}`))
  })
}
const workerErrors = () => session.worker.evaluate(() => (globalThis as unknown as { __errors: string[] }).__errors.slice())

/** Uncaught errors, console errors, and any console line of ours (warnings included). */
function watch(page: Page): PageWatch {
  const w = watchPage(page)
  page.on("console", (m) => {
    if (m.type() !== "error" && m.text().includes("Track Record")) w.errors.push(`console ${m.type()}: ${m.text()}`)
  })
  return w
}

const frameHighlights = (frame: Frame, name: string) =>
  frame.evaluate((n) => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n)?.size ?? 0, name)

/** Text of the highlight ranges that start inside the element with `id`. */
const flaggedIn = (page: Page, id: string) =>
  page.evaluate((elementId) => {
    const el = document.getElementById(elementId)!
    return ["tr-vendor", "tr-claim"]
      .flatMap((n) => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n) ?? [])])
      .filter((r) => el.contains(r.startContainer))
      .map((r) => r.toString())
  }, id)

/** Long tasks (> 50 ms) before the page's load event (its own parsing and first layout) and after it (ours). */
const longTasks = (page: Page) =>
  page.evaluate(() => {
    const g = window as unknown as { __long: { start: number; duration: number }[]; __loadedAt: number }
    const round = (list: { duration: number }[]) => list.map((t) => Math.round(t.duration))
    return { page: round(g.__long.filter((t) => t.start < g.__loadedAt)), after: round(g.__long.filter((t) => t.start >= g.__loadedAt)) }
  })

/**
 * Long tasks are printed, not asserted: timings on a shared machine would make
 * this suite flaky. `npm run bench` measures them side by side with a bare
 * TreeWalker pass and reports them against the targets.
 */
async function printLongTasks(page: Page) {
  const tasks = await longTasks(page)
  console.info(`long tasks on ${page.url()}: page's own ${JSON.stringify(tasks.page)} ms, after load ${JSON.stringify(tasks.after)} ms`)
}

// ---------------------------------------------------------------- big and busy pages

describe("big and busy pages", () => {
  it("flags a 1 MB article and reports its findings; the page stays responsive", async () => {
    const page = await session.context.newPage()
    const w = watch(page)
    await page.goto(`${generated.origin}/big-article.html`)
    await waitForFlags(page, "tr-claim", 30_000)
    const findings = await findingsFor(session.worker, page, 20_000)
    expect(findings.report.claims.length).toBeGreaterThan(100)
    await sleep(1_000)
    await printLongTasks(page)
    expect(w.errors).toEqual([])
    await page.close()
  })

  it("flags the end of a 100,000-node page", async () => {
    const page = await session.context.newPage()
    const w = watch(page)
    await page.goto(`${generated.origin}/big-dom.html`)
    const nodes = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL)
      let n = 0
      while (walker.nextNode()) n++
      return n
    })
    expect(nodes).toBeGreaterThanOrEqual(100_000)
    await expect.poll(() => flaggedIn(page, "last"), { timeout: 30_000 }).toEqual(expect.arrayContaining(["Fortinet"]))
    await sleep(500)
    await printLongTasks(page)
    expect(w.errors).toEqual([])
    await page.close()
  })

  it("keeps up with 1,000 mutations a second; the page's timer and button keep working", async () => {
    const page = await session.context.newPage()
    const w = watch(page)
    await page.goto(`${pages.origin}/robust/mutations.html`)
    await waitForFlags(page, "tr-claim")
    const ticksA = Number(await page.locator("#ticks").textContent())
    await sleep(500)
    const ticksB = Number(await page.locator("#ticks").textContent())
    expect(ticksB).toBeGreaterThan(ticksA + 20)
    await page.locator("#btn").click()
    await page.locator("#btn").click()
    expect(await page.locator("#clicks").textContent()).toBe("2")
    await page.waitForFunction(() => (window as unknown as { __mutationsDone?: boolean }).__mutationsDone === true, null, { timeout: 10_000 })
    expect(await flaggedIn(page, "stable")).toEqual(expect.arrayContaining(["CrowdStrike"]))
    expect(w.errors).toEqual([])
    await page.close()
  })

  it("flags what infinite scroll appends", async () => {
    const page = await session.context.newPage()
    const w = watch(page)
    await page.goto(`${pages.origin}/robust/infinite.html`)
    await waitForFlags(page)
    for (let i = 0; i < 6 && (await page.locator("#loaded").textContent()) !== "batches: 4"; i++) {
      await page.mouse.wheel(0, 5_000)
      await sleep(150)
    }
    expect(Number((await page.locator("#loaded").textContent())!.split(": ")[1])).toBeGreaterThanOrEqual(3)
    await expect.poll(async () => (await findingsFor(session.worker, page)).report.mentions.map((m) => m.vendor), { timeout: 15_000 }).toContain("Okta")
    expect(w.errors).toEqual([])
    await page.close()
  })
})

// ---------------------------------------------------------------- frames, shadow DOM, editors

describe("frames, shadow DOM and editors", () => {
  it("flags vendors inside same-origin and cross-origin frames; every frame's script still runs", async () => {
    const page = await session.context.newPage()
    const w = watch(page)
    await page.goto(`${pages.origin}/robust/frames.html?other=${encodeURIComponent(other.origin)}`)
    await waitForFlags(page)
    const same = page.frames().find((f) => f.url().includes("who=same"))!
    const cross = page.frames().find((f) => f.url().includes("who=cross"))!
    expect(cross.url().startsWith(other.origin)).toBe(true)
    for (const frame of [same, cross]) {
      await expect.poll(() => frameHighlights(frame, "tr-vendor"), { timeout: 20_000 }).toBeGreaterThan(0)
      expect(await frame.locator("#frame-own-state").textContent()).toBe("frame script ran")
    }
    expect(await page.locator("#page-own-state").textContent()).toBe("page script ran")
    // The popup and badge follow the top frame only.
    const findings = await findingsFor(session.worker, page)
    expect(findings.report.mentions.map((m) => m.vendor)).toEqual(["Fortinet"])
    expect(w.errors).toEqual([])
    await page.close()
  })

  it("reads the light DOM and leaves an open shadow root alone (not flagged, not changed)", async () => {
    const page = await session.context.newPage()
    const w = watch(page)
    await page.goto(`${pages.origin}/robust/shadow.html`)
    await waitForFlags(page)
    await sleep(500)
    const inside = await page.evaluate(() => {
      const root = document.getElementById("widget")!.shadowRoot!
      const all = ["tr-vendor", "tr-claim"].flatMap((n) => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n) ?? [])])
      return { flagged: all.filter((r) => root.contains(r.startContainer)).length, text: root.textContent, children: root.childNodes.length }
    })
    expect(inside).toEqual({
      flagged: 0,
      text: "Cloudflare says all systems have been restored and the network is more reliable than ever.",
      children: 1
    })
    const findings = await findingsFor(session.worker, page)
    expect(findings.report.mentions.map((m) => m.vendor)).toEqual(["Okta"])
    expect(await page.locator("#page-own-state").textContent()).toBe("page script ran")
    expect(w.errors).toEqual([])
    await page.close()
  })

  it("never reads or marks contenteditable, ProseMirror, CodeMirror or form fields, and typing still works", async () => {
    const page = await session.context.newPage()
    const w = watch(page)
    await page.goto(`${pages.origin}/robust/editors.html`)
    await waitForFlags(page)
    for (const id of ["ce", "pm", "cm"]) expect(await flaggedIn(page, id)).toEqual([])
    const findings = await findingsFor(session.worker, page)
    expect(findings.report.mentions.map((m) => m.vendor)).toEqual(["CrowdStrike"])

    await page.locator("#ce").click()
    await page.keyboard.press("End")
    await page.keyboard.type(" Cloudflare is more reliable.")
    expect(await page.locator("#ce").textContent()).toBe(
      "Okta is the most secure identity platform and its service never goes down. Cloudflare is more reliable."
    )
    await page.locator("#pm p").click()
    await page.keyboard.press("End")
    await page.keyboard.type(" Okta too.")
    expect(await page.locator("#pm").evaluate((el) => [el.childNodes.length, el.textContent])).toEqual([
      1,
      "Cloudflare says all systems have been restored. Okta too."
    ])
    await sleep(2_500)
    for (const id of ["ce", "pm", "cm"]) expect(await flaggedIn(page, id)).toEqual([])
    expect(await page.locator("track-record-mark").count()).toBe(0)
    expect(w.errors).toEqual([])
    await page.close()
  })
})

// ---------------------------------------------------------------- CSP and pages we cannot read

describe("strict CSP and unreadable pages", () => {
  it("flags a page served with default-src 'none', paints highlights and styles the card", async () => {
    const page = await session.context.newPage()
    const w = watch(page)
    const violations: string[] = []
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    const response = await page.goto(`${pages.origin}/robust/csp.html`)
    expect(response?.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'self'")
    await waitForFlags(page, "tr-claim")
    const styled = await page.evaluate(() => {
      const p = document.getElementById("claim")!
      return getComputedStyle(p, "::highlight(tr-vendor)").textDecorationLine
    })
    expect(styled).toContain("underline")
    await page.keyboard.press("Alt+Shift+KeyN")
    await card(page).waitFor()
    const position = await card(page).evaluate((el) => getComputedStyle(el).position)
    expect(["absolute", "fixed"]).toContain(position)
    expect(violations).toEqual([])
    expect(w.errors).toEqual([])
    await page.close()
  })

  it("about:blank, a chrome:// page, a .txt file and a PDF produce no errors", async () => {
    const before = (await workerErrors()).length
    const urls = ["about:blank", "chrome://version/", `${pages.origin}/robust/notes.txt`, `${pages.origin}/robust/statement.pdf`]
    for (const url of urls) {
      const page = await session.context.newPage()
      const w = watch(page)
      await page.goto(url).catch((error: Error) => {
        // Headless Chromium may hand a PDF to the download manager instead of a viewer.
        if (!/download/i.test(error.message)) throw error
      })
      await sleep(1_500)
      expect({ url, errors: w.errors, dialogs: w.dialogs }).toEqual({ url, errors: [], dialogs: [] })
      await page.close()
    }
    // The text file is a page like any other: its vendors are flagged.
    const txt = await session.context.newPage()
    await txt.goto(`${pages.origin}/robust/notes.txt`)
    await waitForFlags(txt)
    expect(await highlightSize(txt, "tr-claim")).toBeGreaterThan(0)
    await txt.close()
    expect((await workerErrors()).slice(before)).toEqual([])
  })
})
