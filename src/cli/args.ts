// Command-line arguments of `npm run scan`.

export const FORMATS = ["json", "jsonl", "csv", "text"] as const
export type OutputFormat = (typeof FORMATS)[number]

export interface ScanOptions {
  format: OutputFormat
  out: string | null
  inputs: string[]
}

export type ParsedArgs = { kind: "run"; options: ScanOptions } | { kind: "help" } | { kind: "error"; message: string }

export const USAGE = `Usage: npm run scan -- [--format json|jsonl|csv|text] [--out FILE] <file-or-directory>...

Scans saved web pages (.html, .htm) and plain-text files (.txt) for vendor
names and reliability/security claims, and lists the recorded incidents of
the vendors found. Directories are read recursively in sorted order; files
of other types are skipped with a note on stderr, and hidden entries (names
starting with ".") are not read.

Options
  -f, --format FORMAT  json (default): one report object for a single file
                         argument, otherwise an array of reports
                       jsonl: one report per line
                       csv: one row per claim: source,vendor,kind,rule,text,start,end
                         (cells starting with = + - @ are prefixed with ' so
                         spreadsheets do not run them as formulas)
                       text: a readable summary per file
  -o, --out FILE       write the output to FILE instead of stdout
  -h, --help           show this help

Input
  HTML pages are read in article mode: the main content, without navigation,
  page header and footer, asides, forms and boilerplate. Offsets refer to that
  extracted text.
  Text files are analysed exactly as read (UTF-8; a leading byte-order mark is
  removed), so text.slice(start, end) equals each match.
  Files over 16 MiB are rejected; text beyond 2,000,000 characters is not
  analysed (a note says so). Empty files give an empty report.

npm prints its own "> track-record scan" banner on stdout; when piping the
output, run "npm run -s scan -- ..." or use --out.

Exit status: 0 when every file was scanned, 1 when any file failed (the
others are still reported), 2 for a usage error.
`

function isFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value)
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let format: OutputFormat = "json"
  let out: string | null = null
  const inputs: string[] = []
  let optionsDone = false

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (optionsDone || arg === "-" || !arg.startsWith("-")) {
      inputs.push(arg)
      continue
    }
    if (arg === "--") {
      optionsDone = true
      continue
    }
    if (arg === "-h" || arg === "--help") return { kind: "help" }

    const eq = arg.indexOf("=")
    const name = eq > 0 && arg.startsWith("--") ? arg.slice(0, eq) : arg
    const takeValue = (): string | null => {
      if (eq > 0 && arg.startsWith("--")) return arg.slice(eq + 1)
      const next = argv[i + 1]
      if (next === undefined) return null
      i++
      return next
    }

    if (name === "-f" || name === "--format") {
      const value = takeValue()
      if (value === null) return { kind: "error", message: `${name} needs a value: ${FORMATS.join(", ")}` }
      if (!isFormat(value)) return { kind: "error", message: `unknown format "${value}"; use ${FORMATS.join(", ")}` }
      format = value
    } else if (name === "-o" || name === "--out") {
      const value = takeValue()
      if (value === null || value === "") return { kind: "error", message: `${name} needs a file name` }
      out = value
    } else {
      return { kind: "error", message: `unknown option ${name}` }
    }
  }

  if (inputs.length === 0) return { kind: "error", message: "no input files or directories given" }
  return { kind: "run", options: { format, out, inputs } }
}
