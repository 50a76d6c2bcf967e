import { describe, expect, it } from "vitest"

import { compileData } from "../../scripts/lib/compile"
import {
  csv,
  fixtureInput,
  INCIDENT_HEADER,
  INCIDENT_ROWS,
  VENDOR_HEADER,
  VENDOR_ROWS,
  withCell
} from "./fixture"

const [acme, beta, gamma] = VENDOR_ROWS as [string, string, string]
const [edge, zeroDay] = INCIDENT_ROWS as [string, string]

const incidentsWith = (rows: string[]) => fixtureInput({ incidentsCsv: csv(INCIDENT_HEADER, rows) })
const vendorsWith = (rows: string[]) => fixtureInput({ vendorsCsv: csv(VENDOR_HEADER, rows) })
const setIncident = (column: string, value: string) => incidentsWith([edge, withCell(INCIDENT_HEADER, zeroDay, column, value)])
const setVendor = (column: string, value: string) => vendorsWith([acme, withCell(VENDOR_HEADER, beta, column, value), gamma])

describe("compileData on valid fixtures", () => {
  it("compiles the fixture", () => {
    const out = compileData(fixtureInput())
    expect(out.dataset.incidents.map((i) => i.id)).toEqual(["beta-2023-11-guard-zero-day", "acme-2024-03-edge-outage"])
    expect(out.dataset.incidents[1]).toMatchObject({ vendorId: "acme-cloud", severity: 4, endDate: "2024-03-05", verified: true })
    expect(out.lexicon.rules).toEqual([])
  })
})

describe("incident rules", () => {
  const cases: [string, ReturnType<typeof fixtureInput>, RegExp][] = [
    ["duplicate id", incidentsWith([edge, edge]), /row 3 \(id acme-2024-03-edge-outage\): id is already used by row 2/],
    ["impossible date", setIncident("date", "2023-02-30"), /row 3 .*date must be a real date/],
    ["unknown type", setIncident("type", "hack"), /row 3 .*type must be one of outage/],
    ["severity out of range", setIncident("severity", "7"), /data\/incidents\.csv row 3 \(id beta-2023-11-guard-zero-day\): severity must be 1-5/],
    ["severity not a number", setIncident("severity", "high"), /severity must be 1-5/],
    ["unknown vendor", setIncident("vendor", "Delta Corp"), /row 3 .*vendor "Delta Corp" is not in data\/vendors\.csv/],
    ["http source", setIncident("sources", "http://beta.example/advisory"), /row 3 .*sources item 1 must be an https:\/\/ URL/],
    ["no source", setIncident("sources", ""), /row 3 .*sources needs at least one URL/],
    ["end before start", incidentsWith([withCell(INCIDENT_HEADER, edge, "end_date", "2024-03-01"), zeroDay]), /row 2 .*end_date must not be before date/],
    ["month precision not on the 1st", setIncident("date", "2023-11-05"), /row 3 .*1st of the month/],
    ["bad CVE id", setIncident("cves", "CVE-23-1"), /row 3 .*cves item 1 must look like CVE/],
    ["verified not yes/no", setIncident("verified", "maybe"), /row 3 .*verified must be yes or no/],
    ["id not a slug", setIncident("id", "Beta 2023"), /row 3 .*id must be a lower-case slug/],
    ["title too long", setIncident("title", "x".repeat(81)), /row 3 .*title must be at most 80 characters/]
  ]
  it.each(cases)("rejects %s", (_name, input, message) => {
    expect(() => compileData(input)).toThrow(message)
  })

  it("rejects a missing column", () => {
    const header = INCIDENT_HEADER.replace(",severity", "")
    const rows = INCIDENT_ROWS.map((r) => r.split(",").filter((_, i) => i !== 8).join(","))
    expect(() => compileData(fixtureInput({ incidentsCsv: csv(header, rows) }))).toThrow(/data\/incidents\.csv: missing column\(s\) severity/)
  })
})

describe("vendor rules", () => {
  it("rejects a vendor id used twice", () => {
    const clash = withCell(VENDOR_HEADER, beta, "vendor", "Beta-Security")
    expect(() => compileData(vendorsWith([acme, clash, withCell(VENDOR_HEADER, beta, "kev_vendor_projects", ""), gamma]))).toThrow(
      /data\/vendors\.csv row 4 \(vendor Beta Security\): vendor id beta-security is already used by row 3/
    )
  })

  it("rejects an alias claimed by two vendors without a marker", () => {
    const input = vendorsWith([acme, withCell(VENDOR_HEADER, beta, "aliases", "BETA;BetaGuard;Acme Edge"), gamma])
    expect(() => compileData(input)).toThrow(/row 3 \(vendor Beta Security\): alias "Acme Edge" is also claimed by Acme Cloud/)
  })

  it("rejects another vendor's canonical name unless it is marked shared", () => {
    const aliases = withCell(VENDOR_HEADER, beta, "aliases", "BETA;BetaGuard;Acme Cloud")
    expect(() => compileData(vendorsWith([acme, aliases, gamma]))).toThrow(/alias "Acme Cloud" is also claimed/)
    const shared = withCell(VENDOR_HEADER, aliases, "shared_aliases", "Acme Cloud")
    const out = compileData(vendorsWith([acme, shared, gamma]))
    // A parent or sibling name never maps to the vendor that only shares it.
    expect(out.lexicon.vendors.find((v) => v.id === "beta-security")?.aliases).not.toContain("Acme Cloud")
    expect(out.lexicon.vendors.find((v) => v.id === "acme-cloud")?.aliases).toContain("Acme Cloud")
  })

  it("accepts an alias listed as ambiguous by both vendors and keeps it for both", () => {
    const a = withCell(VENDOR_HEADER, withCell(VENDOR_HEADER, beta, "aliases", "BETA;BetaGuard;Guard"), "ambiguous_aliases", "Guard")
    const g = withCell(VENDOR_HEADER, withCell(VENDOR_HEADER, gamma, "aliases", "Roadrunner Inc.;GammaNet;Guard"), "ambiguous_aliases", "Roadrunner Inc.;Guard")
    const out = compileData(vendorsWith([acme, a, g]))
    const holders = out.lexicon.vendors.filter((v) => v.aliases.includes("Guard"))
    expect(holders.map((v) => v.id)).toEqual(["beta-security", "gamma-telecom"])
    expect(holders.every((v) => v.ambiguous.includes("Guard"))).toBe(true)
  })

  const cases: [string, ReturnType<typeof fixtureInput>, RegExp][] = [
    ["unsorted rows", vendorsWith([beta, acme, gamma]), /row 3 \(vendor Acme Cloud\): rows must stay sorted/],
    ["unknown category", setVendor("category", "banking"), /row 3 .*category must be one of cloud/],
    ["bad country", setVendor("country", "United Kingdom"), /row 3 .*country must be empty or a two-letter/],
    ["bad domain", setVendor("domain", "https://beta.example"), /row 3 .*domain must be a lower-case domain/],
    ["product that is not an alias", setVendor("products", "BetaWall"), /row 3 .*products "BetaWall" is not one of the vendor's aliases/],
    ["ticker that is not an alias", setVendor("tickers", "BTA"), /row 3 .*tickers "BTA" is not one of/],
    ["alias listed twice", setVendor("aliases", "BETA;BetaGuard;BETA"), /row 3 .*alias "BETA" is listed twice/],
    ["KEV project mapped twice", setVendor("kev_vendor_projects", "acme"), /row 3 .*kev_vendor_projects "acme" is already mapped to Acme Cloud/]
  ]
  it.each(cases)("rejects %s", (_name, input, message) => {
    expect(() => compileData(input)).toThrow(message)
  })
})

describe("claim rules", () => {
  const rules = (yaml: string) => fixtureInput({ claimRulesYaml: yaml })
  const good = "- id: more-reliable\n  kind: reliability\n  pattern: more reliable\n  rationale: A comparison needs a baseline.\n"

  it("ships no rules while the file does not exist", () => {
    expect(compileData(fixtureInput({ claimRulesYaml: null })).lexicon.rules).toEqual([])
  })

  it("keeps valid rules in file order", () => {
    const two = `${good}- id: five-nines\n  kind: reliability\n  pattern: "99.999%"\n  rationale: Uptime figures need a period.\n`
    expect(compileData(rules(two)).lexicon.rules.map((r) => r.id)).toEqual(["more-reliable", "five-nines"])
  })

  it.each([
    ["duplicate id", `${good}${good}`, /data\/claim-rules\.yaml entry 2 \(id more-reliable\): id is already used by entry 1/],
    ["unknown kind", good.replace("reliability", "speed"), /entry 1 \(id more-reliable\): kind must be one of reliability/],
    ["empty pattern", good.replace("pattern: more reliable", 'pattern: ""'), /entry 1 .*pattern must not be empty/],
    ["missing rationale", good.replace(/ {2}rationale.*\n/, ""), /entry 1 .*rationale/],
    ["not a list", "rules: []\n", /must be a YAML list/]
  ])("rejects %s", (_name, yaml, message) => {
    expect(() => compileData(rules(yaml))).toThrow(message)
  })
})
