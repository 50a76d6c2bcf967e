// npm run data: validates data/ and writes src/generated/lexicon.json and
// src/generated/dataset.json. Bad data exits 1 with a message naming the file and row.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

import { CLAIM_RULES_FILE } from "./lib/claim-rules"
import { compileData, SOURCES_FILE, type CompileOutput } from "./lib/compile"
import { DataError } from "./lib/errors"
import { HIBP_FILE, KEV_FILE } from "./lib/feeds"
import { INCIDENTS_FILE } from "./lib/incidents"
import { VENDORS_FILE } from "./lib/vendors"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const read = (file: string): string => readFileSync(join(root, file), "utf8")
const readJson = (file: string): unknown => {
  try {
    return JSON.parse(read(file))
  } catch (err) {
    throw new DataError(`${file}: ${(err as Error).message}`)
  }
}

function main(): void {
  const started = performance.now()
  let out: CompileOutput
  try {
    const rulesPath = join(root, CLAIM_RULES_FILE)
    out = compileData({
      vendorsCsv: read(VENDORS_FILE),
      incidentsCsv: read(INCIDENTS_FILE),
      kev: readJson(KEV_FILE),
      hibp: readJson(HIBP_FILE),
      sources: readJson(SOURCES_FILE),
      claimRulesYaml: existsSync(rulesPath) ? readFileSync(rulesPath, "utf8") : null
    })
  } catch (err) {
    if (err instanceof DataError) {
      console.error(`npm run data: ${err.message}`)
      process.exit(1)
    }
    throw err
  }

  const outDir = join(root, "src/generated")
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, "lexicon.json"), out.lexiconJson)
  writeFileSync(join(outDir, "dataset.json"), out.datasetJson)

  const parseStart = performance.now()
  JSON.parse(out.datasetJson)
  const parseMs = performance.now() - parseStart

  const s = out.stats
  const unmapped = Object.entries(s.kev.unmapped).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  // A vendorProject that spells a known vendor name but maps nowhere is probably a missing kev_vendor_projects entry.
  const known = new Map(out.lexicon.vendors.flatMap((v) => v.aliases.map((a) => [a.toLowerCase(), v.name] as const)))
  const suspicious = unmapped.filter(([p]) => known.has(p.toLowerCase())).map(([p, n]) => `${p} ${n} (${known.get(p.toLowerCase())}?)`)
  const kb = (text: string): string => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`
  const lines = [
    `vendors            ${s.vendors} (${s.lexiconAliases} lexicon aliases)`,
    `claim rules        ${s.rules}${s.rules === 0 ? ` (${CLAIM_RULES_FILE} not found or empty)` : ""}`,
    `incidents          ${s.incidents}: ${Object.entries(s.incidentsByType).map(([t, n]) => `${t} ${n}`).join(", ")}`,
    `unverified         ${s.unverified.join(", ") || "none"}`,
    `KEV                ${s.kev.mapped}/${s.kev.total} entries mapped to ${s.kev.vendors} vendors (catalog ${out.dataset.version.kevCatalogVersion})`,
    `KEV unmapped       ${unmapped.length} vendorProjects, ${s.kev.total - s.kev.mapped} entries; top: ${unmapped
      .slice(0, 12)
      .map(([p, n]) => `${p} ${n}`)
      .join(", ")}`,
    ...(suspicious.length > 0 ? [`KEV check          unmapped names that match a vendor alias: ${suspicious.join(", ")}`] : []),
    `HIBP               ${s.hibp.mapped} breaches mapped to ${s.hibp.vendors} vendors (${s.hibp.eligible} eligible of ${s.hibp.total})`,
    `version            ${out.dataset.version.date}`,
    `lexicon.json       ${kb(out.lexiconJson)}`,
    `dataset.json       ${kb(out.datasetJson)} (JSON.parse ${parseMs.toFixed(1)} ms)`,
    `done in            ${(performance.now() - started).toFixed(0)} ms`
  ]
  console.log(lines.join("\n"))
}

main()
