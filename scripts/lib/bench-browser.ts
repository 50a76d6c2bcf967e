// Content-script cost in real Chromium. Each page is loaded in two browsers,
// one with the extension and one without, alternately, and measured with:
// - a CPU profile (CDP Profiler): main-thread time in samples whose stack holds
//   an extension script, per script, and the longest uninterrupted stretch of it;
// - Performance.getMetrics (ScriptDuration, TaskDuration), compared across the two browsers;
// - long tasks (> 50 ms) from a buffered PerformanceObserver in the page;
// - DOMContentLoaded to the first vendor highlight (CSS.highlights, polled per frame);
// - a bare TreeWalker pass that only reads the page's text, timed in the page.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { chromium, type BrowserContext, type CDPSession, type Page } from "playwright-core"

import { findChromium, launchWithExtension, type ExtensionSession } from "./browser"
import { median } from "./bench-stats"

export interface BrowserPage {
  id: string
  label: string
  path: string
  hasVendors: boolean
}

export interface LoadSample {
  /** Main-thread time in samples with an extension frame on the stack (ms). */
  extMs: number
  extByScript: Record<string, number>
  /** Longest run of consecutive extension samples (ms): a bound on the longest extension task. */
  extLongestMs: number
  scriptMs: number
  taskMs: number
  longTasks: number[]
  dclToHighlightMs: number | null
  treeWalkerMs: number | null
  textChars: number | null
}

export interface BrowserRow {
  id: string
  label: string
  reps: number
  injected: string[]
  extMs: number
  extByScript: Record<string, number>
  extLongestMs: number
  taskDeltaMs: number
  scriptDeltaMs: number
  treeWalkerMs: number
  extOverTreeWalker: number
  longTasksWith: { count: number; maxMs: number }
  longTasksWithout: { count: number; maxMs: number }
  dclToHighlightMs: number | null
  textChars: number
}

export interface BrowserResult {
  chromium: string
  rows: BrowserRow[]
  workerHeap: { startMb: number; afterPagesMb: number } | null
}

// Runs in the page's main world before any page script.
const INIT_SCRIPT = `(() => {
  const b = (window.__bench = { longTasks: [], dcl: null, highlight: null });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch {}
  document.addEventListener("DOMContentLoaded", () => { b.dcl = performance.now(); });
  const poll = () => {
    const h = globalThis.CSS && CSS.highlights && CSS.highlights.get("tr-vendor");
    if (h && h.size > 0) { b.highlight = performance.now(); return; }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})()`

// Reads every text node once; what any content script must do at the least.
const TREE_WALKER = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  while (walker.nextNode()) parts.push(walker.currentNode.nodeValue);
  const text = parts.join("");
  return { ms: performance.now() - t0, chars: text.length };
})()`

interface ProfileNode {
  id: number
  callFrame: { url: string; functionName: string }
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Attributes profile samples to extension scripts (by the innermost extension frame on the stack). */
export function extensionTime(profile: Profile): { total: number; byScript: Record<string, number>; longest: number } {
  const parent = new Map<number, number>()
  const byId = new Map<number, ProfileNode>()
  for (const n of profile.nodes) {
    byId.set(n.id, n)
    for (const c of n.children ?? []) parent.set(c, n.id)
  }
  const owner = new Map<number, string | null>()
  const ownerOf = (id: number): string | null => {
    if (owner.has(id)) return owner.get(id)!
    const url = byId.get(id)?.callFrame.url ?? ""
    let result: string | null = null
    if (url.startsWith("chrome-extension://")) result = url.replace(/^chrome-extension:\/\/[^/]+\//, "").replace(/\.[0-9a-f]{8}\.js$/, ".js")
    else if (parent.has(id)) result = ownerOf(parent.get(id)!)
    owner.set(id, result)
    return result
  }
  const byScript: Record<string, number> = {}
  let total = 0
  let longest = 0
  let run = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i + 1] ?? 0
    const id = profile.samples[i]
    const name = byId.get(id)?.callFrame.functionName
    const script = ownerOf(id)
    if (script) {
      byScript[script] = (byScript[script] ?? 0) + us / 1000
      total += us / 1000
      run += us / 1000
      longest = Math.max(longest, run)
    } else if (name === "(garbage collector)" && run > 0) {
      // GC inside a stretch of extension work belongs to that stretch.
      run += us / 1000
      longest = Math.max(longest, run)
    } else run = 0
  }
  return { total, byScript, longest }
}

async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profileDir = mkdtempSync(join(tmpdir(), "track-record-bench-plain-"))
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: false,
    viewport: { width: 1280, height: 900 },
    // The same flags as the extension browser, without the extension.
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(profileDir, { recursive: true, force: true })
    }
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

async function metric(cdp: CDPSession): Promise<{ script: number; task: number }> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] }
  const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000
  return { script: get("ScriptDuration"), task: get("TaskDuration") }
}

/** How long to let a page run after load: after the first highlight, or in all when none is expected. */
const waits = { afterHighlightMs: 1_000, noHighlightMs: 2_000 }

/** Waits for the first highlight (when one is expected), then lets the remaining work finish. */
async function settle(page: Page, expectHighlight: boolean, timeoutMs: number): Promise<void> {
  if (expectHighlight) {
    await page
      .waitForFunction(() => (window as unknown as { __bench: { highlight: number | null } }).__bench.highlight !== null, undefined, {
        timeout: timeoutMs,
        polling: 100
      })
      .catch(() => undefined)
    // Let the report to the service worker and the UI render finish.
    await sleep(waits.afterHighlightMs)
  } else {
    // The loader runs at document_idle and then on an idle callback (timeout 500 ms), in 64 KB slices.
    await sleep(waits.noHighlightMs)
  }
}

async function measureLoad(context: BrowserContext, url: string, opts: { extension: boolean; expectHighlight: boolean; timeoutMs: number }): Promise<LoadSample> {
  const page = await context.newPage()
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send("Performance.enable")
    await cdp.send("Profiler.enable")
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 })
    await cdp.send("Profiler.start")
    await page.goto(url, { waitUntil: "load", timeout: opts.timeoutMs })
    await settle(page, opts.extension && opts.expectHighlight, opts.timeoutMs)
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile }
    const m = await metric(cdp)
    const state = (await page.evaluate("window.__bench")) as { longTasks: [number, number][]; dcl: number | null; highlight: number | null }
    const ext = extensionTime(profile)
    let treeWalkerMs: number | null = null
    let textChars: number | null = null
    if (!opts.extension) {
      // Three passes, median: the first is cold, as the extension's own walk is.
      const runs: { ms: number; chars: number }[] = []
      for (let i = 0; i < 3; i++) runs.push((await page.evaluate(TREE_WALKER)) as { ms: number; chars: number })
      treeWalkerMs = median(runs.map((r) => r.ms))
      textChars = runs[0].chars
    }
    return {
      extMs: ext.total,
      extByScript: ext.byScript,
      extLongestMs: ext.longest,
      scriptMs: m.script,
      taskMs: m.task,
      longTasks: state.longTasks.map(([, d]) => d),
      dclToHighlightMs: state.highlight !== null && state.dcl !== null ? state.highlight - state.dcl : null,
      treeWalkerMs,
      textChars
    }
  } finally {
    await page.close()
  }
}

/** Which extension scripts ran in the page (from the debugger's script list), with their sizes. */
async function injectedScripts(context: BrowserContext, url: string, expectHighlight: boolean, timeoutMs: number): Promise<string[]> {
  const page = await context.newPage()
  try {
    const cdp = await context.newCDPSession(page)
    const seen = new Map<string, number>()
    cdp.on("Debugger.scriptParsed", (e: { url: string; length?: number }) => {
      if (e.url.startsWith("chrome-extension://")) seen.set(e.url.replace(/^chrome-extension:\/\/[^/]+\//, ""), e.length ?? 0)
    })
    await cdp.send("Debugger.enable")
    await page.goto(url, { waitUntil: "load", timeout: timeoutMs })
    await settle(page, expectHighlight, timeoutMs)
    await cdp.send("Debugger.disable")
    return [...seen.keys()].sort()
  } finally {
    await page.close()
  }
}

/** The service worker's JS heap after a full GC, through the browser's target list. */
async function workerHeapMb(session: ExtensionSession): Promise<number | null> {
  const page = await session.context.newPage()
  try {
    const cdp = await session.context.newCDPSession(page)
    const { targetInfos } = (await cdp.send("Target.getTargets")) as { targetInfos: { targetId: string; type: string; url: string }[] }
    const sw = targetInfos.find((t) => t.type === "service_worker" && t.url.includes(session.extensionId))
    if (!sw) return null
    const { sessionId } = (await cdp.send("Target.attachToTarget", { targetId: sw.targetId, flatten: false })) as { sessionId: string }
    let next = 0
    const call = (method: string) =>
      new Promise<Record<string, number>>((ok) => {
        const id = ++next
        const onMessage = (e: { message: string }) => {
          const m = JSON.parse(e.message) as { id?: number; result?: Record<string, number> }
          if (m.id !== id) return
          cdp.off("Target.receivedMessageFromTarget", onMessage)
          ok(m.result ?? {})
        }
        cdp.on("Target.receivedMessageFromTarget", onMessage)
        void cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params: {} }) })
      })
    await call("HeapProfiler.collectGarbage")
    const usage = await call("Runtime.getHeapUsage")
    await cdp.send("Target.detachFromTarget", { sessionId }).catch(() => undefined)
    return usage.usedSize / 1024 / 1024
  } catch {
    return null
  } finally {
    await page.close()
  }
}

export async function runBrowserBench(
  origin: string,
  pages: BrowserPage[],
  reps: number,
  log: (line: string) => void = () => {},
  quick = false
): Promise<BrowserResult> {
  if (quick) Object.assign(waits, { afterHighlightMs: 300, noHighlightMs: 1_200 })
  const withExt = await launchWithExtension()
  const plain = await launchPlain()
  const timeoutMs = 120_000
  try {
    await withExt.context.addInitScript(INIT_SCRIPT)
    await plain.context.addInitScript(INIT_SCRIPT)
    const version = plain.context.browser()?.version() ?? (await withExt.worker.evaluate(() => navigator.userAgent))
    const startMb = await workerHeapMb(withExt)

    // Warm both browsers (disk cache, code caches) on the first page.
    if (!quick) {
      const first = `${origin}/${pages[0].path}`
      await measureLoad(withExt.context, first, { extension: true, expectHighlight: pages[0].hasVendors, timeoutMs })
      await measureLoad(plain.context, first, { extension: false, expectHighlight: false, timeoutMs })
    }

    const samples = new Map<string, { with: LoadSample[]; without: LoadSample[] }>(pages.map((p) => [p.id, { with: [], without: [] }]))
    for (let r = 0; r < reps; r++) {
      for (const p of pages) {
        const url = `${origin}/${p.path}`
        const s = samples.get(p.id)!
        // Alternate which browser goes first.
        const runs = [true, false]
        if (r % 2) runs.reverse()
        for (const extension of runs) {
          const sample = await measureLoad(extension ? withExt.context : plain.context, url, { extension, expectHighlight: p.hasVendors, timeoutMs })
          ;(extension ? s.with : s.without).push(sample)
        }
        log(`browser ${p.id} rep ${r + 1}/${reps}: ext ${s.with.at(-1)!.extMs.toFixed(1)} ms, tree walker ${s.without.at(-1)!.treeWalkerMs?.toFixed(1)} ms`)
      }
    }

    const rows: BrowserRow[] = []
    for (const p of pages) {
      const s = samples.get(p.id)!
      const scripts = new Set(s.with.flatMap((x) => Object.keys(x.extByScript)))
      // The debugger's list, plus any extension script the profiles saw running.
      const injected = [...new Set([...(await injectedScripts(withExt.context, `${origin}/${p.path}`, p.hasVendors, timeoutMs)), ...scripts])]
        .map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, ".js"))
        .filter((f, i, all) => all.indexOf(f) === i)
        .sort()
      const extMs = median(s.with.map((x) => x.extMs))
      const treeWalkerMs = median(s.without.map((x) => x.treeWalkerMs ?? NaN))
      const longs = (xs: LoadSample[]) => {
        const all = xs.map((x) => x.longTasks.filter((d) => d > 50))
        return { count: median(all.map((a) => a.length)), maxMs: Math.max(0, ...all.flat()) }
      }
      const highlight = s.with.map((x) => x.dclToHighlightMs).filter((x): x is number => x !== null)
      rows.push({
        id: p.id,
        label: p.label,
        reps,
        injected,
        extMs,
        extByScript: Object.fromEntries([...scripts].map((k) => [k, median(s.with.map((x) => x.extByScript[k] ?? 0))])),
        extLongestMs: Math.max(0, ...s.with.map((x) => x.extLongestMs)),
        taskDeltaMs: median(s.with.map((x) => x.taskMs)) - median(s.without.map((x) => x.taskMs)),
        scriptDeltaMs: median(s.with.map((x) => x.scriptMs)) - median(s.without.map((x) => x.scriptMs)),
        treeWalkerMs,
        extOverTreeWalker: extMs / treeWalkerMs,
        longTasksWith: longs(s.with),
        longTasksWithout: longs(s.without),
        dclToHighlightMs: highlight.length ? median(highlight) : null,
        textChars: s.without[0]?.textChars ?? 0
      })
    }
    const afterPagesMb = await workerHeapMb(withExt)
    return {
      chromium: version,
      rows,
      workerHeap: startMb !== null && afterPagesMb !== null ? { startMb, afterPagesMb } : null
    }
  } finally {
    await withExt.close()
    await plain.close()
  }
}
