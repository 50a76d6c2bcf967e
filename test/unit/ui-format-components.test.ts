// Renders the shared components into a small DOM to check what matters for
// safety and accessibility: dataset text stays text, only https sources become
// links, links open safely, and meaning is carried by words, not colour.
import { parseHTML } from "linkedom"
import { h, render } from "preact"
import { beforeEach, describe, expect, it, vi } from "vitest"

import type { RankedIncident } from "~core/types"

vi.mock("~lib/i18n", () => ({
  t: (key: string, ...subs: (string | number)[]) => [key, ...subs].join(":"),
  tn: (key: string, count: number, ...subs: (string | number)[]) => [`${key}_${count === 1 ? "one" : "other"}`, count, ...subs].join(":")
}))

const { IncidentItem } = await import("~components/incident-item")
const { KevSummaryView } = await import("~components/kev-summary")
const { SeverityMeter } = await import("~components/severity-meter")

let root: HTMLElement

beforeEach(() => {
  const { document } = parseHTML("<!doctype html><html><body><div id=root></div></body></html>")
  Object.assign(globalThis, { document })
  root = document.getElementById("root") as unknown as HTMLElement
})

const incident: RankedIncident = {
  id: "acme-2024-01",
  vendorId: "acme",
  vendor: "Acme",
  date: "2024-01-15",
  datePrecision: "day",
  endDate: null,
  type: "outage",
  severity: 4,
  title: 'Login outage <img src=x onerror="alert(1)">',
  summary: "",
  impact: "",
  aliases: [],
  sources: ["https://status.acme.example/incidents/1", "http://mirror.example/copy", "javascript:alert(1)"],
  cves: [],
  verified: false,
  score: 3,
  afterPublication: true,
  why: "outage matches a reliability claim"
}

describe("IncidentItem", () => {
  it("renders dataset text as text and links only the https source, safely", () => {
    render(h(IncidentItem, { incident, locale: "en-US" }), root)
    expect(root.querySelector("img")).toBeNull()
    expect(root.querySelector(".tr-incident-title")?.textContent).toBe('Login outage <img src=x onerror="alert(1)">')
    const links = [...root.querySelectorAll("a")]
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://status.acme.example/incidents/1"])
    expect(links[0].getAttribute("target")).toBe("_blank")
    expect(links[0].getAttribute("rel")).toBe("noopener noreferrer")
    expect(links[0].getAttribute("aria-label")).toBe("ui_sourceLinkLabel:status.acme.example")
  })

  it("marks after-publication and unverified incidents in words, and gives the date as a machine-readable time", () => {
    render(h(IncidentItem, { incident, locale: "en-US" }), root)
    const text = root.textContent ?? ""
    expect(text).toContain("ui_afterPublication")
    expect(text).toContain("ui_unverified")
    expect(text).toContain("type_outage")
    expect(root.querySelector("time")?.getAttribute("datetime")).toBe("2024-01-15")
    expect(root.querySelector("time")?.textContent).toBe("Jan 15, 2024")
  })

  it("leaves the markers out for a verified incident from before publication", () => {
    render(h(IncidentItem, { incident: { ...incident, verified: true, afterPublication: false } }), root)
    expect(root.querySelector(".tr-marker")).toBeNull()
  })
})

describe("SeverityMeter", () => {
  it("fills as many cells as the level and says the level in words", () => {
    render(h(SeverityMeter, { level: 3 }), root)
    expect(root.querySelectorAll(".tr-cell-on")).toHaveLength(3)
    expect(root.querySelector(".tr-severity-cells")?.getAttribute("aria-hidden")).toBe("true")
    expect(root.querySelector(".tr-severity-text")?.textContent).toBe("severity:3")
  })
})

describe("KevSummaryView", () => {
  it("says so when a vendor has no KEV entries", () => {
    render(h(KevSummaryView, { kev: { vendorId: "acme", total: 0, lastYear: 0, ransomware: 0, latest: [] } }), root)
    expect(root.textContent).toBe("ui_kevNone")
  })

  it("lists the newest entries up to the limit, linking only https URLs", () => {
    const entry = (cve: string, url: string, ransomware = false) => ({ cve, product: "Gateway", name: `${cve} flaw`, dateAdded: "2025-03-01", ransomware, url })
    const kev = {
      vendorId: "acme",
      total: 3,
      lastYear: 2,
      ransomware: 1,
      latest: [
        entry("CVE-2025-0001", "https://nvd.nist.gov/vuln/detail/CVE-2025-0001", true),
        entry("CVE-2025-0002", "http://example.com/CVE-2025-0002"),
        entry("CVE-2024-0003", "https://nvd.nist.gov/vuln/detail/CVE-2024-0003")
      ]
    }
    render(h(KevSummaryView, { kev, max: 2, locale: "en-US" }), root)
    expect(root.querySelectorAll("li")).toHaveLength(2)
    expect([...root.querySelectorAll("a")].map((a) => a.textContent)).toEqual(["CVE-2025-0001"])
    expect(root.textContent).toContain("ui_kevTotal_other:3")
    expect(root.textContent).toContain("ui_kevRansomware")
  })
})
