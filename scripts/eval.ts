// npm run eval [-- --json] [-- --verbose [--split dev|heldout|all]] [-- --only NAME-PART] [-- --fill]
// Scores the detector against the labelled corpus in test/fixtures/corpus,
// next to a compromise organizations() baseline. --fill resolves draft labels
// (surfaces without offsets) into offsets; see test/fixtures/corpus/README.md.
import lexicon from "../src/generated/lexicon.json"
import { aliasLookup } from "./lib/eval-baseline"
import { fillCorpus, loadCorpus, readVendors } from "./lib/eval-corpus"
import type { Accuracy, DocErrors, Metrics, Prf } from "./lib/eval-metrics"
import { baselinePredictions, runEval, SCOPES, type EvalResult, type Scope } from "./lib/eval-run"

const argv = process.argv.slice(2)
const args = new Set(argv)
// Per-file errors quote the texts; by default only dev ones are listed, so rule
// authors do not read the held-out split by accident.
const splitArg = argv.find((a) => a.startsWith("--split="))?.slice(8) ?? (args.has("--split") ? argv[argv.indexOf("--split") + 1] : "dev")
if (!(SCOPES as readonly string[]).includes(splitArg ?? "")) {
  console.error(`--split must be one of ${SCOPES.join(", ")}`)
  process.exit(1)
}
const errorScope = splitArg as Scope

if (args.has("--fill")) {
  let changed: string[]
  try {
    changed = fillCorpus()
  } catch (err) {
    console.error((err as Error).message)
    process.exit(1)
  }
  console.log(changed.length === 0 ? "All labels already have offsets." : `Filled offsets in:\n  ${changed.join("\n  ")}`)
  process.exit(0)
}

// --only scores the texts whose name contains the given part (e.g. a batch of new texts).
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] ?? "" : ""
const docs = loadCorpus(undefined, new Set(readVendors().map((v) => v.name))).filter((d) => d.id.includes(only))
// The baseline runs first: loading the detector adds its vendor names to
// compromise globally. The late import also lets --fill work without the detector.
const baseline = baselinePredictions(docs, aliasLookup(lexicon.vendors))
const { analyzeText } = await import("../src/core/analyze")
const result = runEval(docs, analyzeText, baseline)

if (args.has("--json")) {
  const strip = (s: Scope, m: Metrics) => (args.has("--verbose") && s === errorScope ? m : { ...m, errors: undefined })
  const out = Object.fromEntries(SCOPES.map((s) => [s, { detector: strip(s, result[s].detector), baseline: strip(s, result[s].baseline) }]))
  console.log(JSON.stringify(out, null, 2))
} else {
  printTable(result)
  if (args.has("--verbose")) printErrors(result[errorScope].detector.errors, result[errorScope].baseline.errors)
}

function printTable(r: EvalResult): void {
  const f = (x: number) => x.toFixed(2)
  const p = (m: Prf) => `${f(m.precision)} ${f(m.recall)} ${f(m.f1)}`
  const a = (m: Accuracy) => `${f(m.value)} (${m.correct}/${m.total})`
  const rows: [string, (s: Scope) => string][] = [
    ["Detector", () => ""],
    ["  vendor P R F1", (s) => p(r[s].detector.vendor)],
    ["  vendors on vendor-free texts", (s) => `${r[s].detector.vendorsOnVendorFree} (${r[s].detector.vendorFreeDocs} texts)`],
    ["  claim P R F1, any kind", (s) => p(r[s].detector.claimAnyKind)],
    ["  claim P R F1, same kind", (s) => p(r[s].detector.claimSameKind)],
    ["  kind accuracy", (s) => a(r[s].detector.kindAccuracy)],
    ["  attribution accuracy", (s) => a(r[s].detector.attributionAccuracy)],
    ["Baseline: compromise organizations()", () => ""],
    ["  vendor P R F1", (s) => p(r[s].baseline.vendor)],
    ["  false hits", (s) => String(r[s].baseline.vendor.predicted - r[s].baseline.vendor.truePredicted)],
    ["  vendors on vendor-free texts", (s) => String(r[s].baseline.vendorsOnVendorFree)]
  ]
  const header = ["", ...SCOPES.map((s) => `${s} (${r[s].detector.docs})`)]
  const table = [header, ...rows.map(([label, cell]) => [label, ...SCOPES.map(cell)])]
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)))
  for (const row of table) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "))
}

function printErrors(detector: DocErrors[], baseline: DocErrors[]): void {
  const q = (s: { text?: string; start: number }) => `"${s.text ?? ""}"@${s.start}`
  console.log(`\nDetector errors (${errorScope === "all" ? "both splits" : errorScope})`)
  for (const e of detector) {
    console.log(`${e.id}`)
    for (const m of e.missedMentions) console.log(`  missed vendor   ${m.vendor} ${q(m)}`)
    for (const m of e.falseMentions) console.log(`  false vendor    ${m.vendor} ${q(m)}`)
    for (const c of e.missedClaims) console.log(`  missed claim    ${c.kind} ${q(c)}`)
    for (const c of e.falseClaims) console.log(`  false claim     ${c.kind} ${q(c)}`)
    for (const w of e.wrongKind) console.log(`  wrong kind      ${w.pred.kind} for ${w.gold.kind} ${q(w.gold)}`)
    for (const w of e.wrongVendor) console.log(`  wrong vendor    ${w.pred.vendor ?? "null"} for ${w.gold.vendor ?? "null"} ${q(w.gold)}`)
  }
  console.log("\nBaseline false vendor hits")
  for (const e of baseline) for (const m of e.falseMentions) console.log(`  ${e.id}  ${m.vendor} ${q(m)}`)
}
