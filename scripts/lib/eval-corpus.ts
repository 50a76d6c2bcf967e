// Reads the labelled corpus (test/fixtures/corpus/{dev,heldout}/<name>.txt +
// <name>.labels.json) and the canonical vendor names it is labelled against.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import Papa from "papaparse"
import { checkLabels, fillLabels, type DraftLabels, type GoldLabels } from "./eval-label"

export const SPLITS = ["dev", "heldout"] as const
export type Split = (typeof SPLITS)[number]

export interface CorpusDoc {
  /** `<split>/<name>` */
  id: string
  split: Split
  text: string
  gold: GoldLabels
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const CORPUS_DIR = path.join(root, "test/fixtures/corpus")
export const VENDORS_CSV = path.join(root, "data/vendors.csv")

export interface VendorRow {
  name: string
  aliases: string[]
}

export function readVendors(file = VENDORS_CSV): VendorRow[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, "utf8"), { header: true, skipEmptyLines: true })
  return parsed.data.map((r) => ({
    name: (r.vendor ?? "").trim(),
    aliases: (r.aliases ?? "").split(";").map((a) => a.trim()).filter(Boolean)
  }))
}

function docNames(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4)).sort()
}

/** Load every document; throws if a label file is missing or does not slice to its text. */
export function loadCorpus(dir = CORPUS_DIR, vendorNames?: ReadonlySet<string>): CorpusDoc[] {
  const docs: CorpusDoc[] = []
  for (const split of SPLITS) {
    const splitDir = path.join(dir, split)
    for (const name of docNames(splitDir)) {
      const text = readFileSync(path.join(splitDir, `${name}.txt`), "utf8")
      const gold = JSON.parse(readFileSync(path.join(splitDir, `${name}.labels.json`), "utf8")) as GoldLabels
      const problems = checkLabels(text, gold, vendorNames)
      if (problems.length > 0) throw new Error(`${split}/${name}:\n  ${problems.join("\n  ")}`)
      docs.push({ id: `${split}/${name}`, split, text, gold })
    }
  }
  return docs
}

/** Resolve draft labels (surfaces without offsets) in place; returns the ids it rewrote. */
export function fillCorpus(dir = CORPUS_DIR): string[] {
  const changed: string[] = []
  for (const split of SPLITS) {
    const splitDir = path.join(dir, split)
    for (const name of docNames(splitDir)) {
      const file = path.join(splitDir, `${name}.labels.json`)
      const before = readFileSync(file, "utf8")
      const text = readFileSync(path.join(splitDir, `${name}.txt`), "utf8")
      let labels: GoldLabels
      try {
        labels = fillLabels(text, JSON.parse(before) as DraftLabels)
      } catch (err) {
        throw new Error(`${split}/${name}: ${(err as Error).message}`, { cause: err })
      }
      const after = formatLabels(labels)
      if (after !== before) {
        writeFileSync(file, after)
        changed.push(`${split}/${name}`)
      }
    }
  }
  return changed
}

/** One label per line: diffs stay readable. */
export function formatLabels(labels: GoldLabels): string {
  const block = (items: object[]) => (items.length === 0 ? "[]" : `[\n    ${items.map((i) => JSON.stringify(i)).join(",\n    ")}\n  ]`)
  const mentions = labels.mentions.map(({ vendor, text, start, end }) => ({ vendor, text, start, end }))
  const claims = labels.claims.map(({ text, start, end, kind, vendor }) => ({ text, start, end, kind, vendor }))
  return `{\n  "mentions": ${block(mentions)},\n  "claims": ${block(claims)}\n}\n`
}
