import { describe, expect, it } from "vitest"

import { analyzeText, createAnalyzer, MAX_TEXT_LENGTH, normalizeClaimText } from "~core/analyze"
import type { AnalysisResult, Lexicon } from "~core/types"

import { claimRules, testVendor } from "./support/lexicon"

const rules = claimRules()

const vendor = testVendor

const lexicon: Lexicon = {
  rules,
  vendors: [
    vendor("CrowdStrike", { tickers: ["CRWD"], products: ["Falcon sensor"] }),
    vendor("Microsoft", { products: ["Azure", "Microsoft Azure", "Windows"], ambiguous: ["Windows"] }),
    vendor("Amazon Web Services", { aliases: ["AWS"] })
  ]
}
const analyzer = createAnalyzer(lexicon)

const ARTICLE = `CrowdStrike outage: what we know

On July 19 a faulty Falcon sensor update from CrowdStrike (NASDAQ: CRWD) crashed about 8.5 million Windows machines.
“This was not a security incident or cyberattack,” CrowdStrike said. The company said the issue has been identified, isolated and a fix has been deployed.

Microsoft said its Azure cloud is more reliable and stable than ever, and that all systems have been restored. Analysts questioned whether the systems were restored everywhere.
AWS promised 99.99% availability.`

function checkInvariants(text: string, r: AnalysisResult): void {
  let lastEnd = -1
  for (const m of r.mentions) {
    expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(m.start).toBeGreaterThanOrEqual(lastEnd)
    expect(m.reason.length).toBeGreaterThan(0)
    lastEnd = m.end
  }
  let lastClaim = -1
  for (const c of r.claims) {
    expect(text.slice(c.start, c.end)).toBe(c.text)
    expect(c.start).toBeGreaterThanOrEqual(lastClaim)
    expect(c.text.trim()).toBe(c.text)
    expect(c.attribution === null).toBe(c.vendorId === null)
    lastClaim = c.end
  }
}

describe("createAnalyzer", () => {
  it("finds mentions and claims in a news text, with exact offsets", () => {
    const r = analyzer.analyze(ARTICLE)
    checkInvariants(ARTICLE, r)
    expect(r.mentions.map((m) => m.text)).toEqual([
      "CrowdStrike",
      "Falcon sensor",
      "CrowdStrike",
      "CRWD",
      "Windows",
      "CrowdStrike",
      "Microsoft",
      "Azure",
      "AWS"
    ])
    expect(r.claims.map((c) => [c.text, c.kind, c.vendorId])).toEqual([
      ["was not a security incident", "security", "crowdstrike"],
      ["the issue has been identified, isolated", "recovery", "crowdstrike"],
      ["a fix has been deployed", "recovery", "crowdstrike"],
      ["more reliable and stable", "reliability", "microsoft"],
      ["all systems have been restored", "recovery", "microsoft"],
      ["99.99% availability", "reliability", "amazon-web-services"]
    ])
  })

  it("does not read a product name as a claim", () => {
    const withProduct = createAnalyzer({ rules, vendors: [vendor("Qihoo 360", { products: ["360 Total Security"] })] })
    const r = withProduct.analyze("A free edition, 360 Total Security, offers comprehensive protection for home users.")
    expect(r.mentions.map((m) => m.text)).toEqual(["360 Total Security"])
    expect(r.claims.map((c) => c.text)).toEqual(["comprehensive protection for home users"])
  })

  it("reports rule compile errors instead of throwing", () => {
    const bad = createAnalyzer({ vendors: [], rules: [{ id: "broken", kind: "security", pattern: "(unclosed", rationale: "x" }] })
    expect(bad.ruleErrors.map((e) => e.id)).toEqual(["broken"])
    expect(bad.analyze("anything at all")).toEqual({ mentions: [], claims: [] })
  })

  it("filters by kind and by dismissed vendors and claims", () => {
    const onlyRecovery = analyzer.analyze(ARTICLE, { kinds: ["recovery"] })
    expect(new Set(onlyRecovery.claims.map((c) => c.kind))).toEqual(new Set(["recovery"]))

    const noMicrosoft = analyzer.analyze(ARTICLE, { ignoredVendors: ["microsoft"] })
    expect(noMicrosoft.mentions.some((m) => m.vendorId === "microsoft")).toBe(false)
    expect(noMicrosoft.claims.some((c) => c.vendorId === "microsoft")).toBe(false)

    const dismissed = analyzer.analyze(ARTICLE, { ignoredClaims: ["availability-figure", normalizeClaimText("All systems have been restored")] })
    expect(dismissed.claims.map((c) => c.rule)).not.toContain("availability-figure")
    expect(dismissed.claims.map((c) => c.text)).not.toContain("all systems have been restored")
  })

  it("never throws on junk and always keeps offsets exact", () => {
    const junk = [
      "",
      " ",
      "\u0000\u0001\u0002",
      "\uD800 lone surrogate CrowdStrike \uDFFF",
      "CrowdStrike\u200B's update; Crowd\u200BStrike",
      "مايكروسوفت Microsoft قالت إن جميع الأنظمة تمت استعادتها \u202Eall systems have been restored\u202C",
      "😀 CrowdStrike 😀 is more reliable 😀",
      "(((((((((( more more more more reliable reliable , , , and and",
      "99.999999999999999999999% uptime 100% 100 % %%%% $$$ NASDAQ: NASDAQ:",
      "a".repeat(5000),
      Array.from({ length: 3000 }, (_, i) => String.fromCharCode(i * 37 % 65536)).join("")
    ]
    for (const text of junk) {
      const r = analyzer.analyze(text)
      checkInvariants(text, r)
    }
    for (const bad of [null, undefined, 42, {}] as unknown as string[]) expect(analyzer.analyze(bad)).toEqual({ mentions: [], claims: [] })
  })

  it("analyses long texts up to the cap", () => {
    const text = `${"The weather was fine and nothing happened. ".repeat(2000)}CrowdStrike said all systems have been restored.`
    const r = analyzer.analyze(text)
    checkInvariants(text, r)
    expect(r.claims.map((c) => c.vendorId)).toEqual(["crowdstrike"])
    expect(MAX_TEXT_LENGTH).toBeGreaterThan(text.length)
  })
})

describe("normalizeClaimText", () => {
  it("folds case, quotes, spaces and edge punctuation", () => {
    expect(normalizeClaimText("  “All  Systems’ have\nbeen restored.” ")).toBe("all systems' have been restored")
  })
})

describe("analyzeText", () => {
  it("uses the bundled lexicon and rule pack", () => {
    const text = "CrowdStrike's Falcon platform is the most trusted endpoint protection, the company said."
    const r = analyzeText(text)
    checkInvariants(text, r)
    expect(r.mentions[0]).toMatchObject({ vendorId: "crowdstrike", text: "CrowdStrike" })
    expect(r.claims.length).toBeGreaterThan(0)
    expect(r.claims[0].vendorId).toBe("crowdstrike")
  })
})
