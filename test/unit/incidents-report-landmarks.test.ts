// What `npm run scan` lists first for a page that only names the vendors (no
// claims, no date): each vendor's landmark incident, not a regulatory follow-up.
import { readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import { analyzeText } from "~core/analyze"
import { dataset, incidentsForReport } from "~core/dataset"

const text = readFileSync("test/fixtures/cli/landmarks.txt", "utf8")
const analysis = analyzeText(text)
const incidents = incidentsForReport(dataset, analysis.mentions, analysis.claims, null)
const firstFor = (vendor: string) => incidents.find((i) => i.vendor === vendor)

describe("incidents listed for a page that names the landmark vendors", () => {
  it.each([
    ["CrowdStrike", "crowdstrike-2024-07-falcon-channel-file-291"],
    ["SolarWinds", "solarwinds-2020-12-orion-sunburst"],
    ["Progress Software", "progress-2023-05-moveit-transfer-cl0p"],
    ["Fastly", "fastly-2021-06-global-cdn-outage"],
    ["Kaseya", "kaseya-2021-07-vsa-revil-ransomware"],
    ["Change Healthcare", "changehealthcare-2024-02-alphv-ransomware"],
    ["Kaspersky", "kaspersky-2024-06-us-commerce-ban-on-sales-and-updates"]
  ])("lists %s's landmark incident first, with an https source", (vendor, id) => {
    const first = firstFor(vendor)
    expect(first?.id).toBe(id)
    expect(first?.sources[0]).toMatch(/^https:\/\//)
  })

  it("finds every vendor the page names", () => {
    const vendors = new Set(analysis.mentions.map((m) => m.vendor))
    for (const v of ["Okta", "Cloudflare", "LastPass", "Palo Alto Networks"]) expect(vendors).toContain(v)
  })
})
