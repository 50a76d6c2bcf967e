import { describe, expect, it } from "vitest"

import { incidentsForReport, kevSummary, rankIncidents, timelineNote } from "~core/dataset/match"
import type { Claim, Dataset, Incident, KevEntry, Mention } from "~core/types"

function incident(id: string, over: Partial<Incident>): Incident {
  return {
    id,
    vendorId: "acme",
    vendor: "Acme",
    date: "2024-01-01",
    datePrecision: "day",
    endDate: null,
    type: "outage",
    severity: 3,
    title: `Title of ${id}`,
    summary: "",
    impact: "",
    aliases: [],
    sources: [`https://example.org/${id}`],
    cves: [],
    verified: true,
    ...over
  }
}

const kev = (cve: string, dateAdded: string, ransomware = false): KevEntry => ({ cve, product: "Gateway", name: `${cve} flaw`, dateAdded, ransomware })

const fixture: Dataset = {
  version: { date: "2024-12-01", kevCatalogVersion: "2024.12.01", hibpDate: "2024-12-01", incidents: 6, vendors: 2 },
  vendors: [
    { id: "acme", name: "Acme", domain: "acme.example", category: "cloud", country: "US" },
    { id: "beta", name: "Beta", domain: "beta.example", category: "security", country: "" }
  ],
  incidents: [
    incident("acme-2022-05-edge-outage", { date: "2022-05-10", type: "outage", severity: 4 }),
    incident("acme-2023-09-customer-breach", { date: "2023-09-01", type: "breach", severity: 3 }),
    incident("acme-2024-02-gateway-zero-day", { date: "2024-02-20", type: "vulnerability", severity: 3, aliases: ["Acme Gateway", "CVE-2024-0001"] }),
    incident("acme-2024-06-bad-agent-update", { date: "2024-06-01", type: "faulty-update", severity: 5, title: "Agent update crashes hosts" }),
    incident("acme-2024-08-rumoured-leak", { date: "2024-08-01", type: "breach", severity: 5, verified: false }),
    incident("beta-2024-03-dns-outage", { vendorId: "beta", vendor: "Beta", date: "2024-03-03", type: "outage", severity: 2 })
  ],
  kev: {
    acme: [kev("CVE-2024-0009", "2024-11-01", true), kev("CVE-2024-0001", "2024-02-21"), kev("CVE-2023-0005", "2023-10-01", true), kev("CVE-2021-0002", "2021-11-03")]
  },
  hibp: {}
}

const ids = (list: { id: string }[]) => list.map((i) => i.id)

describe("rankIncidents", () => {
  it("puts outages and faulty updates first for a reliability claim", () => {
    const top = rankIncidents(fixture, "acme", { claimKind: "reliability", published: "2024-12-01", limit: 2 })
    expect(ids(top)).toEqual(["acme-2024-06-bad-agent-update", "acme-2022-05-edge-outage"])
    expect(top[0]?.why).toContain("faulty update matches a reliability claim")
  })

  it("puts breaches and vulnerabilities first for a security claim", () => {
    const top = rankIncidents(fixture, "acme", { claimKind: "security", published: "2024-12-01", limit: 2 })
    expect(ids(top)).toEqual(["acme-2024-02-gateway-zero-day", "acme-2023-09-customer-breach"])
  })

  it("picks the incident closest before the page for a recovery claim", () => {
    const top = rankIncidents(fixture, "acme", { claimKind: "recovery", published: "2024-06-20" })
    expect(top[0]?.id).toBe("acme-2024-06-bad-agent-update")
    expect(top[0]?.why).toContain("19 days before the page")
    const earlier = rankIncidents(fixture, "acme", { claimKind: "recovery", published: "2024-03-01" })
    expect(earlier[0]?.id).toBe("acme-2024-02-gateway-zero-day")
  })

  it("orders by severity for a superlative claim", () => {
    const top = rankIncidents(fixture, "acme", { claimKind: "superlative", published: "2024-12-01" })
    expect(top.filter((i) => i.verified).map((i) => i.severity)).toEqual([5, 4, 3, 3])
  })

  it("marks incidents after the page date and ranks them below earlier ones", () => {
    const ranked = rankIncidents(fixture, "acme", { claimKind: "reliability", published: "2024-03-01" })
    const after = ranked.filter((i) => i.afterPublication)
    expect(ids(after)).toEqual(["acme-2024-06-bad-agent-update", "acme-2024-08-rumoured-leak"])
    expect(ranked[0]?.afterPublication).toBe(false)
    expect(after[0]?.why).toMatch(/happened 3 months after the page/)
    expect(ranked.findIndex((i) => i.afterPublication)).toBeGreaterThan(ranked.findIndex((i) => i.id === "acme-2022-05-edge-outage"))
  })

  it("marks nothing as after publication when the page has no date", () => {
    expect(rankIncidents(fixture, "acme", { claimKind: "reliability" }).some((i) => i.afterPublication)).toBe(false)
  })

  it("ranks incidents naming a product from the page first", () => {
    const top = rankIncidents(fixture, "acme", { claimKind: "reliability", published: "2024-12-01", products: ["Acme Gateway"] })
    expect(top[0]?.id).toBe("acme-2024-02-gateway-zero-day")
    expect(top[0]?.why).toMatch(/^involves Acme Gateway, named on the page/)
    // Whole words only: "Gate" is not "Gateway".
    const none = rankIncidents(fixture, "acme", { claimKind: "reliability", published: "2024-12-01", products: ["Gate"] })
    expect(none[0]?.id).toBe("acme-2024-06-bad-agent-update")
  })

  it("keeps unverified rows, flagged and last, even when severe and recent", () => {
    const ranked = rankIncidents(fixture, "acme", { claimKind: "security", published: "2024-12-01" })
    expect(ranked).toHaveLength(5)
    expect(ranked.at(-1)?.id).toBe("acme-2024-08-rumoured-leak")
    expect(ranked.at(-1)?.why).toContain("unverified")
  })

  it("returns nothing for an unknown vendor and honours the limit", () => {
    expect(rankIncidents(fixture, "nobody")).toEqual([])
    expect(rankIncidents(fixture, "acme", { limit: 1 })).toHaveLength(1)
  })
})

describe("kevSummary", () => {
  it("counts entries up to the reference date and those in the 12 months before it", () => {
    const s = kevSummary(fixture, "acme", "2024-12-01", 2)
    expect(s).toMatchObject({ vendorId: "acme", total: 4, lastYear: 2, ransomware: 2 })
    expect(s.latest.map((e) => e.cve)).toEqual(["CVE-2024-0009", "CVE-2024-0001"])
    expect(s.latest[0]?.url).toBe("https://nvd.nist.gov/vuln/detail/CVE-2024-0009")
  })

  it("ignores entries added after the reference date", () => {
    const s = kevSummary(fixture, "acme", "2024-06-01")
    expect(s).toMatchObject({ total: 3, lastYear: 2, ransomware: 1 })
    expect(s.latest.map((e) => e.cve)).toEqual(["CVE-2024-0001", "CVE-2023-0005", "CVE-2021-0002"])
  })

  it("treats the window edge as exclusive 365 days back", () => {
    expect(kevSummary(fixture, "acme", "2024-09-29").lastYear).toBe(2)
    expect(kevSummary(fixture, "acme", "2024-09-30").lastYear).toBe(1)
  })

  it("is empty for a vendor without entries", () => {
    expect(kevSummary(fixture, "beta", "2024-12-01")).toEqual({ vendorId: "beta", total: 0, lastYear: 0, ransomware: 0, latest: [] })
  })
})

describe("timelineNote", () => {
  const acme = fixture.incidents.filter((i) => i.vendorId === "acme")

  it("describes the nearest incident before the page", () => {
    const note = timelineNote("2024-06-10", acme)
    expect(note).toEqual({
      text: "Published 9 days after the 2024-06-01 faulty update: Agent update crashes hosts.",
      incidentId: "acme-2024-06-bad-agent-update",
      days: 9,
      relation: "after"
    })
  })

  it("reports an incident that came after the page", () => {
    expect(timelineNote("2024-05-30", acme)).toMatchObject({ relation: "before", days: 2, text: expect.stringMatching(/^Published 2 days before the 2024-06-01/) })
  })

  it("respects the window", () => {
    expect(timelineNote("2024-07-15", acme, 30)).toBeNull()
    expect(timelineNote("2024-07-15", acme, 60)?.incidentId).toBe("acme-2024-06-bad-agent-update")
  })

  it("skips unverified incidents", () => {
    // The unverified leak (2024-08-01) is 14 days away; the verified update is 75.
    expect(timelineNote("2024-08-15", acme, 90)?.incidentId).toBe("acme-2024-06-bad-agent-update")
    expect(timelineNote("2024-08-15", acme, 30)).toBeNull()
  })

  it("writes month-precision dates as a month", () => {
    const month = incident("x", { date: "2024-11-01", datePrecision: "month", type: "regulatory", title: "Regulator fines Acme", impact: "A$12M; more" })
    expect(timelineNote("2024-11-20", [month])?.text).toBe("Published 19 days after the November 2024 regulatory action: Regulator fines Acme (A$12M).")
  })
})

describe("incidentsForReport", () => {
  const mention = (vendorId: string, start: number, product: string | null = null): Mention => ({
    vendorId,
    vendor: vendorId,
    text: vendorId,
    start,
    end: start + 4,
    alias: vendorId,
    product,
    reason: "test"
  })
  const claim = (vendorId: string | null, kind: Claim["kind"]): Claim => ({
    text: "claim",
    start: 0,
    end: 5,
    kind,
    rule: "test-rule",
    vendorId,
    vendor: vendorId,
    attribution: vendorId ? "subject" : null
  })

  it("lists each vendor's top incidents once, in order of first mention, using its claims", () => {
    const out = incidentsForReport(fixture, [mention("beta", 0), mention("acme", 10), mention("acme", 50)], [claim("acme", "security")], "2024-12-01", 2)
    expect(ids(out)).toEqual(["beta-2024-03-dns-outage", "acme-2024-02-gateway-zero-day", "acme-2023-09-customer-breach"])
    expect(out[1]).toEqual({
      id: "acme-2024-02-gateway-zero-day",
      vendor: "Acme",
      date: "2024-02-20",
      type: "vulnerability",
      title: "Title of acme-2024-02-gateway-zero-day",
      severity: 3,
      sources: ["https://example.org/acme-2024-02-gateway-zero-day"]
    })
  })

  it("uses products named for the vendor", () => {
    const out = incidentsForReport(fixture, [mention("acme", 0, "Acme Gateway")], [claim("acme", "reliability")], "2024-12-01", 1)
    expect(ids(out)).toEqual(["acme-2024-02-gateway-zero-day"])
  })

  it("includes a vendor named only by a claim and ignores unattributed claims", () => {
    expect(ids(incidentsForReport(fixture, [], [claim("beta", "reliability"), claim(null, "security")], null))).toEqual(["beta-2024-03-dns-outage"])
  })
})
