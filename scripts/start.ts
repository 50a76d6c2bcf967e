// `npm start`: builds the extension (package.json runs the build first), serves
// the bundled demo article on 127.0.0.1 and opens it in Chromium with Track
// Record loaded. With a display it opens a normal window and waits; without one
// (or with --headless) it runs headless, saves demo-screenshot.png and prints
// what the extension flagged.
import { resolve } from "node:path"

import type { Page } from "playwright-core"

import type { TabFindings } from "../src/lib/messages"
import { launchWithExtension } from "./lib/browser"
import { serveDirectory } from "./lib/serve"

const root = resolve(import.meta.dirname, "..")
const headless = process.argv.includes("--headless") || !process.env.DISPLAY
const DEMO = "/demo-article.html"

async function main() {
  const server = await serveDirectory(resolve(root, "test/fixtures/pages"))
  const url = server.origin + DEMO
  const session = await launchWithExtension({ headless, viewport: headless ? { width: 1280, height: 900 } : null })
  const page = session.context.pages()[0] ?? (await session.context.newPage())
  await page.goto(url)
  console.log(`Track Record demo: ${url}`)

  if (!headless) {
    console.log("A Chromium window is open with the extension loaded. Hover a highlighted claim; close the window to stop.")
    await new Promise<void>((done) => session.context.on("close", () => done()))
    await server.close()
    return
  }

  // Wait until the page's findings reach the service worker.
  const findings = await waitForFindings(session.worker, 20_000)
  await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("tr-claim")?.size, null, { timeout: 10_000 })
  await openFirstClaimCard(page)
  const screenshot = resolve(process.cwd(), "demo-screenshot.png")
  await page.screenshot({ path: screenshot })
  printFindings(findings)
  console.log(`\nScreenshot: ${screenshot}`)
  await session.close()
  await server.close()
}

type Worker = Awaited<ReturnType<typeof launchWithExtension>>["worker"]

async function waitForFindings(worker: Worker, timeoutMs: number): Promise<TabFindings> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const all = (await worker.evaluate(() => chrome.storage.session.get(null))) as Record<string, TabFindings>
    const found = Object.values(all).find((f) => f?.report?.url?.endsWith("/demo-article.html"))
    if (found && found.report.claims.length) return found
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error("The extension reported no findings for the demo page within 20 s.")
}

async function openFirstClaimCard(page: Page) {
  // Alt+Shift+N steps to the first flag and opens its card, as a reader would.
  await page.keyboard.press("Alt+Shift+KeyN")
  await page.waitForSelector("track-record-ui >> [role=dialog]", { timeout: 5_000 }).catch(() => undefined)
}

function printFindings(findings: TabFindings) {
  const { report, context } = findings
  console.log(`\n${report.title ?? "(untitled)"}${report.published ? ` — published ${report.published}` : ""}`)
  console.log(`\nVendors (${report.mentions.length}):`)
  for (const m of report.mentions) {
    const record = context.vendors[m.vendorId]
    console.log(
      `  ${m.vendor}: named ${m.count}×; ${plural(record?.incidentCount ?? 0, "incident")} on record, ${plural(record?.kev.total ?? 0, "exploited CVE")} (CISA KEV)`
    )
    if (record?.timeline) console.log(`    ${record.timeline.text}`)
  }
  console.log(`\nClaims (${report.claims.length}):`)
  for (const c of report.claims) console.log(`  [${c.kind}] “${c.text}” — ${c.vendor ?? "no vendor attributed"} (rule ${c.rule})`)
  console.log("\nMatched incidents:")
  const seen = new Set<string>()
  for (const record of Object.values(context.vendors)) {
    for (const list of Object.values(record.byKind)) {
      for (const i of list ?? []) {
        if (seen.has(i.id)) continue
        seen.add(i.id)
        const notes = [i.afterPublication ? "after publication" : "", i.verified ? "" : "unverified"].filter(Boolean)
        console.log(
          `  ${i.date}  ${i.vendor}  ${i.type}  sev ${i.severity}  ${i.title}${notes.length ? ` (${notes.join(", ")})` : ""}\n      ${i.sources[0] ?? ""}`
        )
      }
    }
  }
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`
}
