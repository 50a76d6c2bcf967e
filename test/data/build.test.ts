import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { compileData, type CompileInput } from "../../scripts/lib/compile"
import { parseCsv } from "../../scripts/lib/csv"
import { csv, fixtureInput, INCIDENT_HEADER, INCIDENT_ROWS } from "./fixture"

const root = join(import.meta.dirname, "../..")
const read = (file: string) => readFileSync(join(root, file), "utf8")

function realInput(): CompileInput {
  const rules = join(root, "data/claim-rules.yaml")
  return {
    vendorsCsv: read("data/vendors.csv"),
    incidentsCsv: read("data/incidents.csv"),
    kev: JSON.parse(read("data/kev/known_exploited_vulnerabilities.json")),
    hibp: JSON.parse(read("data/hibp/breaches.json")),
    sources: JSON.parse(read("data/sources.json")),
    claimRulesYaml: existsSync(rules) ? readFileSync(rules, "utf8") : null
  }
}

const real = compileData(realInput())

describe("deterministic output", () => {
  it("gives identical bytes for the same input", () => {
    const again = compileData(realInput())
    expect(again.datasetJson).toBe(real.datasetJson)
    expect(again.lexiconJson).toBe(real.lexiconJson)
  })

  it("does not depend on the order of incident rows", () => {
    const a = compileData(fixtureInput())
    const b = compileData(fixtureInput({ incidentsCsv: csv(INCIDENT_HEADER, [...INCIDENT_ROWS].reverse()) }))
    expect(b.datasetJson).toBe(a.datasetJson)
  })

  it("writes no timestamps and sorts object keys", () => {
    expect(real.datasetJson).not.toMatch(/T\d{2}:\d{2}:\d{2}/)
    const version = JSON.parse(real.datasetJson).version as Record<string, unknown>
    expect(Object.keys(version)).toEqual([...Object.keys(version)].sort())
  })
})

describe("feed mapping on fixtures", () => {
  const out = compileData(fixtureInput())

  it("maps KEV entries by vendorProject and by vendorProject:product prefix, newest first", () => {
    expect(out.dataset.kev["acme-cloud"]?.map((e) => e.cve)).toEqual(["CVE-2024-0002", "CVE-2024-0001"])
    expect(out.dataset.kev["beta-security"]).toEqual([
      { cve: "CVE-2023-12345", product: "BetaGuard", name: "Beta Labs BetaGuard flaw", dateAdded: "2023-11-02", ransomware: true }
    ])
    expect(out.stats.kev).toMatchObject({ total: 5, mapped: 3, unmapped: { Bigco: 1, Nobody: 1 } })
  })

  it("maps HIBP breaches by the vendor's domain, subdomains and extra domains, skipping spam lists", () => {
    expect(out.dataset.hibp["acme-cloud"]?.map((b) => b.name)).toEqual(["AcmeForum"])
    expect(out.dataset.hibp["beta-security"]?.map((b) => b.name)).toEqual(["BetaMail"])
    expect(JSON.stringify(out.dataset.hibp)).not.toContain("Description")
    expect(out.dataset.hibp["acme-cloud"]?.[0]?.addedDate).toBe("2020-06-01")
  })

  it("adds whole-vendor KEV names to the lexicon, ordinary words as ambiguous", () => {
    const acme = out.lexicon.vendors.find((v) => v.id === "acme-cloud")
    expect(acme?.aliases).toContain("Acme")
    expect(acme?.ambiguous).toContain("Acme")
    expect(acme?.aliases).not.toContain("Bigco")
  })
})

describe("the bundled data", () => {
  const { dataset, lexicon, stats } = real
  const cves = (vendorId: string) => (dataset.kev[vendorId] ?? []).map((e) => e.cve)

  it("validates and covers every vendor and incident row", () => {
    const vendorRows = parseCsv(read("data/vendors.csv"), "data/vendors.csv", ["vendor"]).length
    const incidentRows = parseCsv(read("data/incidents.csv"), "data/incidents.csv", ["id"]).length
    expect(dataset.vendors).toHaveLength(vendorRows)
    expect(dataset.incidents).toHaveLength(incidentRows)
    expect(dataset.version).toMatchObject({ kevCatalogVersion: "2026.08.21", hibpDate: "2025-03-15", vendors: vendorRows, incidents: incidentRows })
    const ids = new Set(dataset.vendors.map((v) => v.id))
    expect(dataset.incidents.every((i) => ids.has(i.vendorId) && i.sources.every((s) => s.startsWith("https://")))).toBe(true)
  })

  it("maps the KEV entries of the vendors named in the brief", () => {
    expect(cves("fortinet").length).toBeGreaterThan(20)
    expect(cves("fortinet")).toContain("CVE-2018-13379")
    // Pulse Secure products are Ivanti's.
    expect(cves("ivanti")).toEqual(expect.arrayContaining(["CVE-2023-46805", "CVE-2020-8218"]))
    expect(cves("citrix")).toEqual(expect.arrayContaining(["CVE-2019-19781", "CVE-2023-4966"]))
    expect(cves("progress-software")).toContain("CVE-2023-34362")
    // VMware products filed under Broadcom go to VMware; Brocade stays unmapped.
    expect(cves("vmware")).toContain("CVE-2024-37079")
    expect(cves("vmware")).not.toContain("CVE-2025-1976")
    expect(cves("microsoft").length).toBeGreaterThan(300)
    expect(dataset.kev["github"]).toBeUndefined()
    expect(stats.kev.mapped).toBeGreaterThan(stats.kev.total / 2)
    expect(stats.kev.mapped).toBeLessThan(stats.kev.total)
  })

  it("gives every vulnerability incident's CVE a KEV entry under the same vendor where KEV has it", () => {
    const kevVendor = new Map(Object.entries(dataset.kev).flatMap(([id, list]) => list.map((e) => [e.cve, id] as const)))
    for (const i of dataset.incidents.filter((x) => x.type === "vulnerability")) {
      for (const cve of i.cves) {
        const owner = kevVendor.get(cve)
        if (owner) expect(`${i.id} ${owner}`).toBe(`${i.id} ${i.vendorId}`)
      }
    }
  })

  it("maps HIBP breaches of the vendors' own services only", () => {
    expect(dataset.hibp["adobe"]?.map((b) => b.name)).toContain("Adobe")
    expect(dataset.hibp["meta"]?.map((b) => b.name)).toContain("Facebook")
    const all = Object.values(dataset.hibp).flat()
    expect(all.length).toBeGreaterThanOrEqual(5)
    expect(all.length).toBeLessThan(30)
  })

  it("resolves shared aliases to their owner in the lexicon", () => {
    const holders = (alias: string) => lexicon.vendors.filter((v) => v.aliases.includes(alias)).map((v) => v.id)
    expect(holders("Microsoft")).toEqual(["microsoft"])
    expect(holders("Salesforce")).toEqual(["salesforce"])
    expect(holders("IBM")).toEqual(["ibm"])
    expect(holders("Red Hat")).toEqual(["red-hat"])
    expect(holders("GOOGL")).toEqual(["google"])
    expect(holders("Broadcom")).toEqual([])
    expect(holders("Pulse Secure")).toEqual(["ivanti"])
    expect(holders("MOVEit")).toEqual(["progress-software"])
  })

  it("keeps every lexicon alias unique unless every holder treats it as ambiguous", () => {
    const seen = new Map<string, string[]>()
    for (const v of lexicon.vendors) for (const a of v.aliases) seen.set(a, [...(seen.get(a) ?? []), v.id])
    for (const [alias, ids] of seen) {
      if (ids.length < 2) continue
      for (const id of ids) expect(lexicon.vendors.find((v) => v.id === id)?.ambiguous, `${alias} in ${id}`).toContain(alias)
    }
  })

  it("lists products and tickers as subsets of the aliases", () => {
    for (const v of lexicon.vendors) {
      for (const x of [...v.products, ...v.tickers, ...v.ambiguous]) expect(v.aliases, `${v.id}: ${x}`).toContain(x)
      expect(v.aliases[0]).toBe(v.name)
    }
    expect(lexicon.vendors.find((v) => v.id === "crowdstrike")).toMatchObject({ tickers: ["CRWD"], products: expect.arrayContaining(["Falcon"]) })
    expect(lexicon.vendors.find((v) => v.id === "palo-alto-networks")?.products).toContain("PAN-OS")
  })
})

describe("source file hygiene", () => {
  it.each(["data/vendors.csv", "data/incidents.csv"])("%s is CSV with CRLF line ends, no BOM and no space-padded cells", (file) => {
    const text = read(file)
    expect(text.charCodeAt(0)).not.toBe(0xfeff)
    expect(text.endsWith("\r\n")).toBe(true)
    const unquoted = text.replace(/"[^"]*"/g, '""')
    expect(unquoted.match(/(?<!\r)\n/)).toBeNull()
    expect(unquoted).not.toMatch(/ ,|, /)
  })

  it("gives every lexicon vendor a dataset vendor with the same id", () => {
    expect(real.lexicon.vendors.map((v) => v.id)).toEqual(real.dataset.vendors.map((v) => v.id))
  })
})
