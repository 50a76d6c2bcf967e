import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

import { createAnalyzer } from "~core/analyze"
import { buildPrefilter, createPrefilter, expandPrefilter } from "~core/prefilter"
import type { Lexicon } from "~core/types"

import { claimRules, testVendor } from "./support/lexicon"

const rules = claimRules()

const vendor = testVendor

const lexicon: Lexicon = {
  rules,
  vendors: [
    vendor("CrowdStrike", { tickers: ["CRWD"], products: ["Falcon sensor", "Falcon"], ambiguous: ["Falcon"] }),
    vendor("Microsoft", { products: ["Windows", "Azure"], ambiguous: ["Windows", "Azure"] }),
    vendor("Palo Alto Networks", { products: ["PAN-OS"], aliases: ["Palo Alto"], ambiguous: ["Palo Alto"] }),
    vendor("Cloudflare", { tickers: ["NET"], ambiguous: ["NET"] }),
    vendor("AT&T", { tickers: ["T"], ambiguous: ["T"] }),
    vendor("Apple", { ambiguous: ["Apple"], products: ["iOS"] })
  ]
}
const data = buildPrefilter(lexicon)
const mayMatch = createPrefilter(data)
const analyzer = createAnalyzer(lexicon)

const RECIPE = `Apple crumble
Preheat the oven to 180C. Peel and slice six apples and lay them in a buttered dish.
Rub the flour, sugar and cold butter together until it looks like breadcrumbs, scatter it over the fruit and bake for 40 minutes until golden.
Serve warm with cream or custard. Leftovers keep in the fridge for two days.`

const SPORTS = `The home side scored twice in the second half to win 3-1 on Saturday.
The coach praised a defence that kept the visitors quiet for most of the match, and the striker hit the target again after a month without a goal.
Fans packed the stadium as the season neared its end, and the club now sits two points clear at the top of the table.`

const SENTENCES = [
  "CrowdStrike pushed a faulty update.",
  "crowdstrike shares slid",
  "The PAN-OS bug was exploited.",
  "Windows machines crashed after the update.",
  "Shares of Cloudflare (NYSE: NET) fell.",
  "AT&T (NYSE: T) said service was restored.",
  "Falcon sensor updates are released in stages.",
  "The Azure cloud is the most reliable on Earth",
  // Claims without a vendor: no track record to show, so the detector stays out.
  "Our platform offers 99.999% uptime.",
  "The issue has been fully resolved.",
  "We have found no evidence of malicious activity.",
  RECIPE,
  SPORTS,
  "The Falcons won the game.",
  "My apple tree is blooming.",
  "A quiet day at the lake."
]

describe("buildPrefilter", () => {
  it("produces plain serialisable regex sources", () => {
    const round = JSON.parse(JSON.stringify(data)) as typeof data
    expect(round).toEqual(data)
    expect(data.source.split("\n").length).toBe(4)
    for (const src of expandPrefilter(data).split("\n")) expect(() => new RegExp(src, data.flags)).not.toThrow()
  })

  it("keeps every part under 20 KB, the size up to which V8 optimises a regex", () => {
    for (const part of expandPrefilter(data).split("\n")) expect(part.length).toBeLessThan(20_000)
  })

  it("skips short tickers that need context, covering them with exchange cues", () => {
    expect(createPrefilter(data)("Hit the T key")).toBe(false)
    expect(createPrefilter(data)("(NYSE: T)")).toBe(true)
  })
})

describe("createPrefilter", () => {
  it("says true for vendor names in any listed spelling", () => {
    for (const s of SENTENCES.slice(0, 8)) expect(mayMatch(s), s).toBe(true)
  })

  it("says false for vendor-free pages, claims or not", () => {
    for (const s of SENTENCES.slice(8, 11)) expect(analyzer.analyze(s).claims.length, s).toBeGreaterThan(0)
    for (const s of SENTENCES.slice(8)) expect(mayMatch(s), s).toBe(false)
    expect(mayMatch("")).toBe(false)
  })

  it("agrees with analyze: whenever analyze finds a vendor, the prefilter says true", () => {
    for (const s of SENTENCES) if (analyzer.analyze(s).mentions.length > 0) expect(mayMatch(s), s).toBe(true)
  })

  it("needs neither compromise nor the lexicon at runtime", () => {
    const source = readFileSync("src/core/prefilter.ts", "utf8")
    expect(source).not.toMatch(/from "compromise|generated\/lexicon|\.\/analyze|nlp\/setup/)
  })

  it("never throws on junk", () => {
    for (const junk of ["\uD800", "\u0000".repeat(100), "😀".repeat(1000), null as unknown as string]) expect(() => mayMatch(junk)).not.toThrow()
  })
})
