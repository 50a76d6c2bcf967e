import { readFileSync } from "node:fs"
import { parse } from "yaml"
import { describe, expect, it } from "vitest"

import { buildPrefilter, createPrefilter, expandPrefilter, lowerLiterals } from "~core/prefilter"
import type { ClaimRule, Lexicon } from "~core/types"

const rules = parse(readFileSync("data/claim-rules.yaml", "utf8")) as ClaimRule[]
const vendor = (name: string, products: string[] = []) => {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, "-")
  return { id, name, aliases: [name, ...products], ambiguous: [], products, tickers: [], domain: `${id}.example`, category: "cloud" }
}
const lexicon: Lexicon = { rules, vendors: [vendor("CrowdStrike", ["Falcon sensor"]), vendor("Cloudflare", ["Cloudflare Workers"])] }

describe("prefilter encoding", () => {
  it("lower-cases literals but not escapes", () => {
    expect(lowerLiterals("(?<![\\p{L}\\p{N}])Falcon\\s+Sensor\\.X\\u{1F600}")).toBe("(?<![\\p{L}\\p{N}])falcon\\s+sensor\\.x\\u{1F600}")
  })

  it("stores repeated groups once and expands back to regexes that compile", () => {
    const data = buildPrefilter(lexicon)
    expect(data.defs?.length ?? 0).toBeGreaterThan(0)
    const expanded = expandPrefilter(data)
    expect(expanded).not.toMatch(/~[0-9a-zA-Z]/)
    expect(expanded.length).toBeGreaterThan(data.source.length)
    for (const src of expanded.split("\n")) expect(() => new RegExp(src, data.flags)).not.toThrow()
  })

  it("matches names in any case, as the analyser does, and not claims on their own", () => {
    const matches = createPrefilter(buildPrefilter(lexicon))
    for (const s of ["CROWDSTRIKE pushed an update", "cloudflare workers were down", "The Most Reliable platform is Cloudflare Workers"])
      expect(matches(s), s).toBe(true)
    expect(matches("Services Have Been Restored.")).toBe(false)
    expect(matches("The bakery sells out of rye bread before nine.")).toBe(false)
  })

  it("expands data without defs unchanged", () => {
    expect(expandPrefilter({ source: "a~0b", flags: "u" })).toBe("a~0b")
  })
})
