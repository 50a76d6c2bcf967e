// npm run scan -- [--format json|jsonl|csv|text] [--out FILE] <file-or-directory>...
// One report per file; see USAGE in ./args for the details users see.

import { writeFileSync } from "node:fs"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"

import { buildScanReport, emptyScanReport, type IncidentsForReport } from "../core/report"
import type { AnalysisResult, Lexicon, ScanReport } from "../core/types"
import { DEFAULT_MAX_CHARS } from "../dom/extract"
import { parseArgs, USAGE, type ScanOptions } from "./args"
import { ensureGeneratedData } from "./data"
import { formatCsv, formatJson, formatJsonLine, formatText } from "./formats"
import { readHtml } from "./html"
import { readInput, resolveInputs, type InputFile } from "./inputs"
import type { CliIo, Writer } from "./io"

export type { CliIo, Writer } from "./io"

/** The analysis the CLI runs on each text: the detector and the dataset's incident picker. */
export interface Analyzer {
  analyze(text: string): AnalysisResult
  incidents: IncidentsForReport
}

export interface MainDeps {
  /** Loads the detector and dataset (default: build missing data, then import the real modules). */
  loadAnalyzer?: (log: Writer) => Promise<Analyzer>
  /** Characters analysed per file (default 2,000,000). */
  maxChars?: number
}

async function loadDefaultAnalyzer(log: Writer): Promise<Analyzer> {
  if (!ensureGeneratedData(log)) throw new Error("generated data is missing")
  // Imported only now: these modules read src/generated/*.json when they load.
  const [{ createAnalyzer }, { dataset, incidentsForReport }, lexicon] = await Promise.all([
    import("../core/analyze"),
    import("../core/dataset/index"),
    import("../generated/lexicon.json")
  ])
  const detector = createAnalyzer(lexicon.default as unknown as Lexicon)
  for (const { id, error } of detector.ruleErrors) log.write(`scan: warning: claim rule ${id} is skipped: ${error}\n`)
  return {
    analyze: (text) => detector.analyze(text),
    incidents: (mentions, claims, published) => incidentsForReport(dataset, mentions, claims, published)
  }
}

function scanFile(file: InputFile, analyzer: Analyzer, maxChars: number, log: Writer): ScanReport | string {
  const read = readInput(file.source)
  if (!read.ok) return read.message

  let text: string
  let title: string | null = null
  let published: string | null = null
  if (file.kind === "html") {
    const page = readHtml(read.content, maxChars)
    ;({ text, title, published } = page)
    if (page.truncated) log.write(`scan: ${file.source}: note: only the first ${maxChars.toLocaleString("en-US")} characters of text were analysed\n`)
  } else {
    text = read.content
    if (text.length > maxChars) {
      // A prefix keeps every offset valid for the file's text.
      text = text.slice(0, maxChars)
      log.write(`scan: ${file.source}: note: only the first ${maxChars.toLocaleString("en-US")} characters were analysed\n`)
    }
  }

  const doc = { source: file.source, title, published }
  if (text === "") return emptyScanReport(doc)
  return buildScanReport(doc, analyzer.analyze(text), analyzer.incidents)
}

/** Runs the scan; resolves to the exit code (0 ok, 1 some file failed, 2 usage error). */
export async function main(argv: readonly string[], io: CliIo, deps: MainDeps = {}): Promise<number> {
  const parsed = parseArgs(argv)
  if (parsed.kind === "help") {
    io.stdout.write(USAGE)
    return 0
  }
  if (parsed.kind === "error") {
    io.stderr.write(`scan: ${parsed.message}\n\n${USAGE}`)
    return 2
  }
  return run(parsed.options, io, deps)
}

async function run(options: ScanOptions, io: CliIo, deps: MainDeps): Promise<number> {
  const { stderr } = io
  const maxChars = deps.maxChars ?? DEFAULT_MAX_CHARS
  let failed = 0
  const fail = (source: string, message: string): void => {
    failed++
    stderr.write(`scan: ${source}: ${message}\n`)
  }

  const inputs = resolveInputs(options.inputs)
  for (const note of inputs.notes) stderr.write(`scan: ${note}\n`)
  for (const problem of inputs.errors) fail(problem.source, problem.message)
  if (inputs.files.length === 0) return 1

  let analyzer: Analyzer
  try {
    analyzer = await (deps.loadAnalyzer ?? loadDefaultAnalyzer)(stderr)
  } catch (err) {
    stderr.write(`scan: cannot load the analyser: ${(err as Error).message}\n`)
    return 1
  }

  // With --out everything is written at the end; on stdout, line formats stream.
  const buffered: string[] = []
  const emit = (chunk: string): void => {
    if (options.out) buffered.push(chunk)
    else io.stdout.write(chunk)
  }

  const reports: ScanReport[] = []
  for (const file of inputs.files) {
    let outcome: ScanReport | string
    try {
      outcome = scanFile(file, analyzer, maxChars, stderr)
    } catch (err) {
      outcome = `analysis failed: ${(err as Error).message}`
    }
    if (typeof outcome === "string") {
      fail(file.source, outcome)
      continue
    }
    reports.push(outcome)
    if (options.format === "jsonl") emit(formatJsonLine(outcome))
    else if (options.format === "text") emit(formatText(outcome))
  }

  const singleFile = options.inputs.length === 1 && inputs.files.length === 1 && !inputs.files[0].fromDirectory
  if (options.format === "json" && !(singleFile && reports.length === 0)) emit(formatJson(reports, singleFile))
  if (options.format === "csv") emit(formatCsv(reports))

  if (options.out) {
    try {
      writeFileSync(options.out, buffered.join(""))
    } catch (err) {
      stderr.write(`scan: cannot write ${options.out}: ${(err as Error).message}\n`)
      return 1
    }
  }
  if (inputs.files.length > 1 || failed > 0) {
    stderr.write(`scan: ${reports.length} file(s) reported, ${failed} problem(s)\n`)
  }
  return failed > 0 ? 1 : 0
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (invokedDirectly) {
  // stdout carries the reports only; anything a library logs goes to stderr.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args)
  // A closed pipe (`| head`) is not an error worth a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0)
    throw err
  })
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code
    },
    (err: unknown) => {
      process.stderr.write(`scan: ${(err as Error).stack ?? String(err)}\n`)
      process.exitCode = 1
    }
  )
}
