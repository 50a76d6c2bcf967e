// Which files a scan reads, and reading them safely: missing, unreadable,
// binary and oversized files become one-line errors instead of crashes.

import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs"
import { extname, join } from "node:path"

export const MAX_FILE_BYTES = 16 * 1024 * 1024
export const SUPPORTED_EXTENSIONS: ReadonlySet<string> = new Set([".txt", ".html", ".htm"])

export type InputKind = "text" | "html"

export interface InputFile {
  /** The path as given on the command line, or joined onto the directory as given. */
  source: string
  kind: InputKind
  /** True when the file was found by walking a directory argument. */
  fromDirectory: boolean
}

/** A problem with one argument or file; `message` names it and says what went wrong. */
export interface InputProblem {
  source: string
  message: string
}

export interface ResolvedInputs {
  files: InputFile[]
  errors: InputProblem[]
  /** Informational lines (skipped files), not failures. */
  notes: string[]
}

export function inputKind(path: string): InputKind | null {
  const ext = extname(path).toLowerCase()
  if (!SUPPORTED_EXTENSIONS.has(ext)) return null
  return ext === ".txt" ? "text" : "html"
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  switch (code) {
    case "ENOENT":
      return "no such file or directory"
    case "EACCES":
    case "EPERM":
      return "permission denied"
    case "ELOOP":
      return "too many symbolic links"
    case "EISDIR":
      return "is a directory"
    default:
      return (err as Error).message
  }
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Expands the command-line paths into the files to scan, directories recursively and sorted. */
export function resolveInputs(paths: readonly string[]): ResolvedInputs {
  const result: ResolvedInputs = { files: [], errors: [], notes: [] }

  for (const path of paths) {
    let stats
    try {
      stats = statSync(path)
    } catch (err) {
      result.errors.push({ source: path, message: describe(err) })
      continue
    }
    if (stats.isFile()) {
      const kind = inputKind(path)
      if (kind) result.files.push({ source: path, kind, fromDirectory: false })
      else result.errors.push({ source: path, message: "unsupported file type (expected .txt, .html or .htm)" })
      continue
    }
    if (!stats.isDirectory()) {
      result.errors.push({ source: path, message: "not a regular file or directory" })
      continue
    }

    const found: InputFile[] = []
    const skipped: string[] = []
    const visited = new Set<string>()
    const walk = (dir: string): void => {
      let real: string
      let names: string[]
      try {
        real = realpathSync(dir)
        names = readdirSync(dir).sort(byName)
      } catch (err) {
        result.errors.push({ source: dir, message: `cannot read directory: ${describe(err)}` })
        return
      }
      if (visited.has(real)) return // A symlink loop.
      visited.add(real)
      for (const name of names) {
        if (name.startsWith(".")) continue
        const child = join(dir, name)
        let childStats
        try {
          childStats = statSync(child)
        } catch (err) {
          result.errors.push({ source: child, message: describe(err) })
          continue
        }
        if (childStats.isDirectory()) walk(child)
        else if (childStats.isFile()) {
          const kind = inputKind(child)
          if (kind) found.push({ source: child, kind, fromDirectory: true })
          else skipped.push(child)
        }
      }
    }
    walk(path)

    if (skipped.length > 0) {
      const shown = skipped.slice(0, 5).join(", ")
      const more = skipped.length > 5 ? ` and ${skipped.length - 5} more` : ""
      result.notes.push(`${path}: skipped ${skipped.length} file(s) that are not .txt, .html or .htm: ${shown}${more}`)
    }
    if (found.length === 0) result.errors.push({ source: path, message: "no .txt, .html or .htm files in this directory" })
    result.files.push(...found)
  }
  return result
}

export type ReadResult = { ok: true; content: string } | { ok: false; message: string }

/**
 * Reads a file as UTF-8 text. A leading byte-order mark is removed; nothing
 * else is changed, so offsets into the result are offsets into the file's text.
 */
export function readInput(path: string): ReadResult {
  let bytes: Buffer
  try {
    const size = statSync(path).size
    if (size > MAX_FILE_BYTES) {
      return { ok: false, message: `too large (${(size / 1024 / 1024).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MiB)` }
    }
    bytes = readFileSync(path)
  } catch (err) {
    return { ok: false, message: `cannot read: ${describe(err)}` }
  }
  if (bytes.includes(0)) return { ok: false, message: "looks like a binary file (contains NUL bytes)" }
  try {
    // fatal: reject invalid UTF-8 instead of silently writing U+FFFD.
    return { ok: true, content: new TextDecoder("utf-8", { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, message: "not valid UTF-8 text (binary file or another encoding)" }
  }
}
