// On the bundled dataset: for a plausible page about each landmark incident, the
// top-ranked incident is that landmark, and it links to an https source.

import { describe, expect, it } from "vitest"

import { dataset, kevSummary, rankIncidents, timelineNote } from "~core/dataset"
import type { RankContext } from "~core/dataset/match"

const landmarks: [string, string, RankContext, string][] = [
  ["CrowdStrike", "crowdstrike", { claimKind: "reliability", published: "2024-07-28" }, "crowdstrike-2024-07-falcon-channel-file-291"],
  ["Okta", "okta", { claimKind: "security", published: "2023-11-15" }, "okta-2023-10-support-system-breach"],
  ["SolarWinds", "solarwinds", { claimKind: "security", published: "2025-01-15", products: ["Orion"] }, "solarwinds-2020-12-orion-sunburst"],
  ["MOVEit", "progress-software", { claimKind: "security", published: "2023-07-01", products: ["MOVEit"] }, "progress-2023-05-moveit-transfer-cl0p"],
  ["Cloudflare", "cloudflare", { claimKind: "reliability", published: "2025-11-25" }, "cloudflare-2025-11-bot-management-feature-file"],
  ["Fastly", "fastly", { claimKind: "performance", published: "2021-06-20" }, "fastly-2021-06-global-cdn-outage"],
  ["Kaseya", "kaseya", { claimKind: "security", published: "2021-08-01", products: ["Kaseya VSA"] }, "kaseya-2021-07-vsa-revil-ransomware"],
  ["LastPass", "lastpass", { claimKind: "security", published: "2023-03-01" }, "lastpass-2022-vault-backup-theft"],
  ["Change Healthcare", "change-healthcare", { claimKind: "recovery", published: "2024-04-01" }, "changehealthcare-2024-02-alphv-ransomware"],
  ["Palo Alto Networks", "palo-alto-networks", { claimKind: "security", published: "2024-04-20", products: ["PAN-OS"] }, "paloaltonetworks-2024-04-panos-globalprotect-cve-2024-3400"],
  ["Kaspersky", "kaspersky", { claimKind: "superlative", published: "2024-09-01" }, "kaspersky-2024-06-us-commerce-ban-on-sales-and-updates"]
]

describe("landmark incidents rank first", () => {
  it.each(landmarks)("%s", (_name, vendorId, ctx, expected) => {
    const [top] = rankIncidents(dataset, vendorId, ctx)
    expect(top?.id).toBe(expected)
    expect(top?.afterPublication).toBe(false)
    expect(top?.verified).toBe(true)
    expect(top?.sources[0]).toMatch(/^https:\/\//)
  })
})

describe("on the bundled dataset", () => {
  it("writes the CrowdStrike timeline note for a page dated 2024-07-28", () => {
    const crowdstrike = dataset.incidents.filter((i) => i.vendorId === "crowdstrike")
    const note = timelineNote("2024-07-28", crowdstrike)
    expect(note).toMatchObject({ incidentId: "crowdstrike-2024-07-falcon-channel-file-291", days: 9, relation: "after" })
    expect(note?.text).toMatch(/^Published 9 days after the 2024-07-19 faulty update: .*Falcon.*\(about 8\.5M Windows devices\)\.$/)
  })

  it("ranks CrowdStrike's July 2024 update below earlier incidents for a page written before it", () => {
    const ranked = rankIncidents(dataset, "crowdstrike", { claimKind: "reliability", published: "2024-05-01" })
    expect(ranked[0]?.id).toBe("crowdstrike-2024-04-falcon-linux-kernel-panics")
    expect(ranked.find((i) => i.id === "crowdstrike-2024-07-falcon-channel-file-291")?.afterPublication).toBe(true)
  })

  it("summarises Ivanti's KEV record including the Pulse Secure entries", () => {
    const s = kevSummary(dataset, "ivanti", "2024-02-01")
    expect(s.total).toBeGreaterThan(10)
    expect(s.lastYear).toBeGreaterThan(0)
    expect(s.latest.map((e) => e.cve)).toContain("CVE-2024-21893")
  })
})
