// The benchmark's result shape, target checks and the printed table.
import type { BrowserResult } from "./bench-browser"
import type { CoreRow } from "./bench-core"
import type { SizeResult } from "./bench-size"

export interface Machine {
  cpu: string
  cores: number
  node: string
  chromium: string | null
  platform: string
}

export interface TargetCheck {
  name: string
  target: string
  value: string
  met: boolean | null
}

export interface BenchResult {
  date: string
  quick: boolean
  machine: Machine
  inputs: { id: string; label: string; textKb: number; htmlKb: number; nodes: number; hasVendors: boolean }[]
  core: CoreRow[]
  browser: BrowserResult | null
  size: SizeResult
  targets: TargetCheck[]
}

const KB = 1024
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`
const ms = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? "-" : `${x.toFixed(digits)} ms`)
const ratio = (x: number) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : "-")
const speed = (x: number) => (x >= 10_000 ? `${(x / 1024).toFixed(1)} MB/s` : `${x.toFixed(0)} KB/s`)

export function checkTargets(core: CoreRow[], browser: BrowserResult | null, size: SizeResult): TargetCheck[] {
  const checks: TargetCheck[] = []
  // The ratio matters on text with vendors; on a vendor-free text our analyser exits early.
  const withVendors = core.filter((r) => r.ours.mentions > 0)
  if (withVendors.length) {
    const worst = withVendors.reduce((a, b) => (a.oursOverCompromise <= b.oursOverCompromise ? a : b))
    checks.push({ name: "core vs compromise", target: "≥ 20× on every input with vendors", value: `${ratio(worst.oursOverCompromise)} (worst: ${worst.id})`, met: worst.oursOverCompromise >= 20 })
  }
  if (browser) {
    const longest = browser.rows.reduce((a, b) => (a.extLongestMs >= b.extLongestMs ? a : b))
    checks.push({ name: "longest extension task", target: "≤ 50 ms", value: `${ms(longest.extLongestMs)} (${longest.id})`, met: longest.extLongestMs <= 50 })
    const extra = browser.rows.filter((r) => r.longTasksWith.count > r.longTasksWithout.count)
    checks.push({
      name: "extra long tasks with the extension",
      target: "none",
      value: extra.length ? extra.map((r) => `${r.id}: ${r.longTasksWith.count} vs ${r.longTasksWithout.count}`).join(", ") : "none",
      met: extra.length === 0
    })
    const worst = browser.rows.reduce((a, b) => (a.extOverTreeWalker >= b.extOverTreeWalker ? a : b))
    checks.push({ name: "extension main-thread time / TreeWalker", target: "≤ 3×", value: `${ratio(worst.extOverTreeWalker)} (worst: ${worst.id})`, met: worst.extOverTreeWalker <= 3 })
    const noVendor = browser.rows.filter((r) => !r.injected.some((s) => s === "app.js")).map((r) => r.id)
    const vendorRows = browser.rows.filter((r) => r.injected.includes("app.js")).map((r) => r.id)
    checks.push({ name: "pages that got only the loader (no NLP)", target: "the no-vendor page", value: noVendor.join(", ") || "none", met: noVendor.includes("no-vendor") && !vendorRows.includes("no-vendor") })
    if (browser.workerHeap)
      checks.push({ name: "service worker heap", target: "≤ 20 MB", value: `${browser.workerHeap.afterPagesMb.toFixed(1)} MB`, met: browser.workerHeap.afterPagesMb <= 20 })
  }
  checks.push({ name: "script injected on a no-vendor page", target: "≤ 20 KB", value: kb(size.noVendorInjectedBytes), met: size.noVendorInjectedBytes <= 20 * KB })
  return checks
}

/** Fixed-width columns; the first column is left-aligned, the rest right-aligned. */
export function formatTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n")
}

export function renderReport(r: BenchResult): string {
  const out: string[] = []
  out.push(`Track Record benchmark${r.quick ? " (--quick: tiny inputs, 1 repetition; figures are not comparable)" : ""}`)
  out.push(`${r.date} · ${r.machine.cpu} · ${r.machine.cores} cores · Node ${r.machine.node} · Chromium ${r.machine.chromium ?? "-"} · ${r.machine.platform}`)
  out.push("")
  out.push("Inputs")
  out.push(formatTable(["input", "text", "html", "nodes"], r.inputs.map((i) => [i.label, `${i.textKb.toFixed(0)} KB`, `${i.htmlKb.toFixed(0)} KB`, i.nodes ? String(i.nodes) : "-"])))
  out.push("")
  out.push("1. Core throughput (medians; compromise runs in its own process)")
  out.push(
    formatTable(
      ["input", "ours", "compromise orgs", "alias regex", "ours/compromise", "regex/ours", "mentions", "claims", "reps"],
      r.core.map((c) => [c.label, speed(c.ours.kbPerS), speed(c.compromise.kbPerS), speed(c.regex.kbPerS), ratio(c.oursOverCompromise), ratio(c.regexOverOurs), String(c.ours.mentions), String(c.ours.claims), String(c.reps)])
    )
  )
  out.push("")
  if (r.browser) {
    out.push(`2. Content script in Chromium ${r.browser.chromium} (medians; with vs without the extension, interleaved)`)
    out.push(
      formatTable(
        ["page", "ext main thread", "loader", "app.js", "longest ext run", "TreeWalker", "ext/TW", "Δ TaskDuration", "long tasks with/without", "DCL→highlight", "injected"],
        r.browser.rows.map((b) => [
          b.label,
          ms(b.extMs),
          ms(Object.entries(b.extByScript).find(([k]) => k.startsWith("loader"))?.[1] ?? 0),
          ms(b.extByScript["app.js"] ?? 0),
          ms(b.extLongestMs),
          ms(b.treeWalkerMs, 2),
          ratio(b.extOverTreeWalker),
          ms(b.taskDeltaMs),
          `${b.longTasksWith.count} (max ${b.longTasksWith.maxMs.toFixed(0)}) / ${b.longTasksWithout.count} (max ${b.longTasksWithout.maxMs.toFixed(0)})`,
          ms(b.dclToHighlightMs, 0),
          b.injected.join(" + ") || "-"
        ])
      )
    )
    if (r.browser.workerHeap)
      out.push(`Service worker JS heap after GC: ${r.browser.workerHeap.startMb.toFixed(1)} MB at start, ${r.browser.workerHeap.afterPagesMb.toFixed(1)} MB after the pages (dataset loaded)`)
    out.push("")
  } else {
    out.push("2. Content script in Chromium: skipped (--no-browser)")
    out.push("")
  }
  out.push("3. Size")
  out.push(formatTable(["file", "bytes", "gzip"], r.size.files.map((f) => [f.name, kb(f.bytes), kb(f.gzipBytes)])))
  out.push(`Injected script: ${kb(r.size.noVendorInjectedBytes)} on a page without vendors (loader), ${kb(r.size.vendorInjectedBytes)} on a page with vendors (loader + app.js)`)
  out.push(`Dataset parse (JSON.parse in Node): ${ms(r.size.datasetParseMs, 2)}`)
  out.push("")
  out.push("Targets")
  out.push(formatTable(["target", "wanted", "measured", "met"], r.targets.map((t) => [t.name, t.target, t.value, t.met === null ? "-" : t.met ? "yes" : "NO"])))
  return out.join("\n")
}
