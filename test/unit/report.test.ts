import { describe, expect, it } from "vitest"

import { buildScanReport, emptyScanReport, type IncidentsForReport } from "~core/report"
import type { Claim, Mention, RankedIncident } from "~core/types"

const text = "Rival X said it is more reliable than CrowdStrike. CrowdStrike said systems have been restored."

function mention(surface: string, from = 0): Mention {
  const start = text.indexOf(surface, from)
  return {
    vendorId: "crowdstrike",
    vendor: "CrowdStrike",
    text: surface,
    start,
    end: start + surface.length,
    alias: "CrowdStrike",
    product: null,
    reason: "canonical name"
  }
}

function claim(surface: string, kind: Claim["kind"], vendor: boolean): Claim {
  const start = text.indexOf(surface)
  return {
    text: surface,
    start,
    end: start + surface.length,
    kind,
    rule: `${kind}-rule`,
    vendorId: vendor ? "crowdstrike" : null,
    vendor: vendor ? "CrowdStrike" : null,
    attribution: vendor ? "subject" : null
  }
}

const ranked: RankedIncident = {
  id: "crowdstrike-2024-07-falcon-channel-file-291",
  vendorId: "crowdstrike",
  vendor: "CrowdStrike",
  date: "2024-07-19",
  datePrecision: "day",
  endDate: "2024-07-29",
  type: "faulty-update",
  severity: 5,
  title: "Faulty Falcon content update crashes Windows hosts worldwide",
  summary: "…",
  impact: "about 8.5M Windows devices",
  aliases: ["Falcon"],
  sources: ["https://www.crowdstrike.com/blog/falcon-update-for-windows-hosts-technical-details/"],
  cves: [],
  verified: true,
  score: 9,
  afterPublication: false,
  why: "faulty update matches a recovery claim"
}

describe("buildScanReport", () => {
  it("keeps the report fields only, sorted by position, and asks for incidents with the publication date", () => {
    const second = mention("CrowdStrike", text.indexOf("CrowdStrike") + 1)
    const first = mention("CrowdStrike")
    const claims = [claim("have been restored", "recovery", true), claim("more reliable", "reliability", false)]
    const calls: unknown[] = []
    const incidents: IncidentsForReport = (mentions, found, published) => {
      calls.push({ mentions: mentions.length, claims: found.length, published })
      return [ranked]
    }
    const report = buildScanReport(
      { source: "news/falcon.html", title: "Falcon crash", published: "2024-07-28" },
      { mentions: [second, first], claims },
      incidents
    )
    expect(calls).toEqual([{ mentions: 2, claims: 2, published: "2024-07-28" }])
    expect(report).toEqual({
      source: "news/falcon.html",
      title: "Falcon crash",
      published: "2024-07-28",
      mentions: [
        { vendor: "CrowdStrike", text: "CrowdStrike", start: first.start, end: first.end },
        { vendor: "CrowdStrike", text: "CrowdStrike", start: second.start, end: second.end }
      ],
      claims: [
        { text: "more reliable", start: 19, end: 32, vendor: null, kind: "reliability", rule: "reliability-rule" },
        { text: "have been restored", start: 76, end: 94, vendor: "CrowdStrike", kind: "recovery", rule: "recovery-rule" }
      ],
      incidents: [
        {
          id: ranked.id,
          vendor: "CrowdStrike",
          date: "2024-07-19",
          type: "faulty-update",
          title: ranked.title,
          severity: 5,
          sources: ranked.sources
        }
      ]
    })
    for (const c of report.claims) expect(text.slice(c.start, c.end)).toBe(c.text)
    expect(report.incidents[0].sources).not.toBe(ranked.sources)
  })
})

describe("emptyScanReport", () => {
  it("has no findings", () => {
    expect(emptyScanReport({ source: "empty.txt", title: null, published: null })).toEqual({
      source: "empty.txt",
      title: null,
      published: null,
      mentions: [],
      claims: [],
      incidents: []
    })
  })
})
