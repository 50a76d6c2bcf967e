import { describe, expect, it } from "vitest"

import {
  addSite,
  clampSeverity,
  formatCount,
  formatDate,
  groupClaims,
  httpsSources,
  incidentTypeKey,
  pageVendors,
  removeSite,
  topIncidents
} from "~components/format"
import type { RankedIncident } from "~core/types"
import type { PageReport, VendorRecord } from "~lib/messages"

function incident(id: string, date: string, score: number, over: Partial<RankedIncident> = {}): RankedIncident {
  return {
    id,
    vendorId: "crowdstrike",
    vendor: "CrowdStrike",
    date,
    datePrecision: "day",
    endDate: null,
    type: "faulty-update",
    severity: 5,
    title: `Incident ${id}`,
    summary: "",
    impact: "",
    aliases: [],
    sources: ["https://example.org/report"],
    cves: [],
    verified: true,
    score,
    afterPublication: false,
    why: "",
    ...over
  }
}

function record(byKind: VendorRecord["byKind"]): VendorRecord {
  return {
    id: "crowdstrike",
    name: "CrowdStrike",
    domain: "crowdstrike.com",
    incidentCount: 4,
    byKind,
    kev: { vendorId: "crowdstrike", total: 0, lastYear: 0, ransomware: 0, latest: [] },
    breaches: 0,
    timeline: null
  }
}

describe("formatDate", () => {
  it("formats a calendar date in UTC without shifting the day", () => {
    expect(formatDate("2024-07-19", "day", "en-US")).toBe("Jul 19, 2024")
    expect(formatDate("2024-01-01", "day", "en-GB")).toBe("1 Jan 2024")
  })

  it("drops the day for month precision", () => {
    expect(formatDate("2023-10-01", "month", "en-US")).toBe("Oct 2023")
    expect(formatDate("2023-10", "day", "en-US")).toBe("Oct 2023")
  })

  it("returns anything that is not a real ISO date unchanged", () => {
    expect(formatDate("2023-02-30", "day", "en-US")).toBe("2023-02-30")
    expect(formatDate("yesterday", "day", "en-US")).toBe("yesterday")
    expect(formatDate("", "day", "en-US")).toBe("")
  })
})

describe("formatCount / clampSeverity / incidentTypeKey", () => {
  it("groups digits by locale", () => {
    expect(formatCount(1234567, "en-US")).toBe("1,234,567")
    expect(formatCount(1234567, "de-DE")).toBe("1.234.567")
  })

  it("clamps severity into 1..5", () => {
    expect([0, 2.6, 9, Number.NaN].map(clampSeverity)).toEqual([1, 3, 5, 1])
  })

  it("maps hyphenated types to message keys", () => {
    expect(incidentTypeKey("faulty-update")).toBe("type_faulty_update")
    expect(incidentTypeKey("outage")).toBe("type_outage")
  })
})

describe("httpsSources", () => {
  it("keeps only https links, labelled by host, without duplicates", () => {
    expect(
      httpsSources([
        "https://www.crowdstrike.com/blog/falcon-update",
        "http://insecure.example.com/x",
        "javascript:alert(1)",
        "not a url",
        "https://www.crowdstrike.com/blog/falcon-update",
        "https://user:pw@evil.example/",
        " https://learn.microsoft.com/en-us/a "
      ])
    ).toEqual([
      { url: "https://www.crowdstrike.com/blog/falcon-update", host: "crowdstrike.com" },
      { url: "https://learn.microsoft.com/en-us/a", host: "learn.microsoft.com" }
    ])
  })
})

describe("groupClaims", () => {
  const claims: PageReport["claims"] = [
    { id: 1, text: "99.999% uptime", kind: "reliability", rule: "uptime-figure", vendorId: "okta", vendor: "Okta" },
    { id: 2, text: "never been breached", kind: "security", rule: "never-breached", vendorId: null, vendor: null },
    { id: 3, text: "more reliable", kind: "reliability", rule: "comparative", vendorId: "crowdstrike", vendor: "CrowdStrike" },
    { id: 4, text: "bank-grade security", kind: "security", rule: "grade-security", vendorId: "crowdstrike", vendor: "CrowdStrike" },
    { id: 5, text: "fully restored", kind: "recovery", rule: "restored", vendorId: "crowdstrike", vendor: "CrowdStrike" },
    { id: 6, text: "rock-solid", kind: "reliability", rule: "solid", vendorId: "crowdstrike", vendor: "CrowdStrike" }
  ]

  it("puts the vendor with most claims first and unattributed claims last", () => {
    const groups = groupClaims(claims)
    expect(groups.map((g) => [g.vendor, g.count])).toEqual([
      ["CrowdStrike", 4],
      ["Okta", 1],
      [null, 1]
    ])
  })

  it("orders kinds by the fixed kind order and keeps page order inside a kind", () => {
    const [crowdstrike] = groupClaims(claims)
    expect(crowdstrike.kinds.map((k) => [k.kind, k.claims.map((c) => c.id)])).toEqual([
      ["reliability", [3, 6]],
      ["security", [4]],
      ["recovery", [5]]
    ])
  })

  it("returns nothing for no claims", () => {
    expect(groupClaims([])).toEqual([])
  })
})

describe("topIncidents", () => {
  it("merges the lists for the page's claim kinds with the bare-mention list, best first, no duplicates", () => {
    const r = record({
      reliability: [incident("a", "2024-07-19", 9), incident("b", "2022-01-01", 4)],
      security: [incident("c", "2023-03-01", 7), incident("a", "2024-07-19", 3)],
      any: [incident("d", "2021-05-05", 5), incident("b", "2022-01-01", 6)]
    })
    expect(topIncidents(r, ["reliability"], 3).map((i) => [i.id, i.score])).toEqual([
      ["a", 9],
      ["b", 6],
      ["d", 5]
    ])
    expect(topIncidents(r, ["reliability", "security"], 2).map((i) => i.id)).toEqual(["a", "c"])
  })

  it("breaks score ties by newer date and falls back to the bare-mention list", () => {
    const r = record({ any: [incident("old", "2019-01-01", 5), incident("new", "2024-01-01", 5)] })
    expect(topIncidents(r, ["security"]).map((i) => i.id)).toEqual(["new", "old"])
    expect(topIncidents(record({}), ["security"])).toEqual([])
  })
})

describe("pageVendors", () => {
  const report: PageReport = {
    url: "https://news.example.com/a",
    title: "A",
    published: "2024-07-22",
    mentions: [
      { vendorId: "okta", vendor: "Okta", product: null, count: 3 },
      { vendorId: "crowdstrike", vendor: "CrowdStrike", product: null, count: 1 },
      { vendorId: "crowdstrike", vendor: "CrowdStrike", product: "Falcon", count: 2 },
      { vendorId: "unknown-co", vendor: "Unknown Co", product: null, count: 1 }
    ],
    claims: [
      { id: 1, text: "more reliable", kind: "reliability", rule: "comparative", vendorId: "crowdstrike", vendor: "CrowdStrike" },
      { id: 2, text: "secure by design", kind: "security", rule: "secure", vendorId: "crowdstrike", vendor: "CrowdStrike" },
      { id: 3, text: "rock-solid", kind: "reliability", rule: "solid", vendorId: "crowdstrike", vendor: "CrowdStrike" }
    ]
  }

  it("sums mentions per vendor, lists products and claim kinds, and ranks vendors with claims first", () => {
    const vendors = pageVendors(report, { crowdstrike: record({}) })
    expect(vendors.map((v) => [v.vendorId, v.mentions, v.claimCount])).toEqual([
      ["crowdstrike", 3, 3],
      ["okta", 3, 0],
      ["unknown-co", 1, 0]
    ])
    expect(vendors[0].products).toEqual(["Falcon"])
    expect(vendors[0].claimKinds).toEqual(["reliability", "security"])
    expect(vendors[0].record?.name).toBe("CrowdStrike")
    expect(vendors[1].record).toBeNull()
  })

  it("does not treat inherited object keys as vendor records", () => {
    const [v] = pageVendors({ ...report, mentions: [{ vendorId: "constructor", vendor: "Constructor", product: null, count: 1 }], claims: [] }, {})
    expect(v.record).toBeNull()
  })
})

describe("addSite / removeSite", () => {
  it("adds a normalised host once, sorted", () => {
    expect(addSite(["zeta.org"], "https://www.Example.com:8443/path?q=1")).toEqual(["example.com", "zeta.org"])
    expect(addSite(["example.com"], "example.com")).toEqual(["example.com"])
    expect(addSite(["example.com"], "   ")).toEqual(["example.com"])
  })

  it("removes every entry that covers the site, parent domains included", () => {
    expect(removeSite(["example.com", "news.example.com", "other.org"], "https://news.example.com/story")).toEqual([
      "other.org"
    ])
    expect(removeSite(["example.com"], "https://notexample.com/")).toEqual(["example.com"])
  })
})
