import { readFileSync } from "node:fs"
import { parse } from "yaml"
import { describe, expect, it } from "vitest"

import { createAnalyzer } from "~core/analyze"
import { createAttributor } from "~core/attribution"
import { buildDoc } from "~core/nlp/tokens"
import type { ClaimRule, Lexicon, LexiconVendor, Mention } from "~core/types"

const rules = parse(readFileSync("data/claim-rules.yaml", "utf8")) as ClaimRule[]

function vendor(name: string, extra: Partial<LexiconVendor> = {}): LexiconVendor {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, "-")
  const v: LexiconVendor = { id, name, aliases: [], ambiguous: [], products: [], tickers: [], domain: `${id}.example`, category: "security", ...extra }
  v.aliases = [...new Set([name, ...v.aliases, ...v.products, ...v.tickers])]
  return v
}

const lexicon: Lexicon = {
  rules,
  vendors: [
    vendor("CrowdStrike", { products: ["Falcon sensor"] }),
    vendor("SentinelOne"),
    vendor("Microsoft", { products: ["Azure"] }),
    vendor("Cloudflare"),
    vendor("Qihoo 360", { aliases: ["360 Security Technology"], products: ["360 Total Security"] }),
    vendor("Okta")
  ]
}
const analyzer = createAnalyzer(lexicon)

/** [claim text, vendor id, method] for every claim. */
function attributed(text: string): [string, string | null, string | null][] {
  return analyzer.analyze(text).claims.map((c) => [c.text, c.vendorId, c.attribution])
}

describe("createAttributor", () => {
  it("returns null when there is no vendor", () => {
    const doc = buildDoc("All systems have been restored.")
    expect(createAttributor(doc, []).attribute(0, 4)).toEqual({ mention: null, method: null })
  })

  it("uses the vendor mention it is given", () => {
    const text = "SentinelOne is more reliable."
    const doc = buildDoc(text)
    const m: Mention = { vendorId: "s1", vendor: "S1", text: "SentinelOne", start: 0, end: 11, alias: "SentinelOne", product: null, reason: "test" }
    const more = doc.tokens.findIndex((t) => t.norm === "more")
    expect(createAttributor(doc, [m]).attribute(more, more + 2)).toEqual({ mention: m, method: "subject" })
  })
})

describe("attribution through analyze", () => {
  it("takes the subject of the clause, not the comparison object", () => {
    expect(attributed("SentinelOne is more reliable than CrowdStrike.")).toEqual([["more reliable", "sentinelone", "subject"]])
    expect(attributed("Unlike CrowdStrike, SentinelOne is far more resilient.")).toEqual([["far more resilient", "sentinelone", "subject"]])
    expect(attributed("360 Security Technology claimed its products were more reliable and stable than CrowdStrike.")).toEqual([
      ["more reliable and stable", "qihoo-360", "subject"]
    ])
  })

  it("takes the speaker of a quote", () => {
    expect(attributed("“All systems have been restored,” CrowdStrike said on Friday.")).toEqual([
      ["All systems have been restored", "crowdstrike", "speaker"]
    ])
    expect(attributed("\"The issue has been fully resolved,\" a Cloudflare spokesperson said.")).toEqual([
      ["The issue has been fully resolved", "cloudflare", "speaker"]
    ])
    expect(attributed("Microsoft said: “Azure services are operating normally.”")).toEqual([["are operating normally", "microsoft", "speaker"]])
  })

  it("keeps the speaker for a second, unattributed quote", () => {
    const text = "“We are sorry,” an Okta spokesperson said. “No customer data was accessed.”"
    expect(attributed(text)).toEqual([["No customer data was accessed", "okta", "speaker"]])
  })

  it("takes reported speech at the end of the sentence", () => {
    expect(attributed("Service was restored within hours, Cloudflare said.")).toEqual([["Service was restored", "cloudflare", "speaker"]])
  })

  it("gives 'we' to the vendor a first-person text is titled for", () => {
    const text = [
      "Cloudflare engineering blog",
      "",
      "Last year we changed how we ship configuration. Our network is far more resilient now.",
      "We now stage every change. Config pushes reach a single canary region first."
    ].join("\n")
    expect(attributed(text).map(([t, v]) => [t, v])).toEqual([
      ["far more resilient", "cloudflare"],
      ["a single canary region", "cloudflare"]
    ])
  })

  it("gives no vendor to 'we' in a text titled for a company the lexicon does not know", () => {
    const text = [
      "Fernbank Hosting: how we keep your site online",
      "",
      "Our users saw no downtime while CrowdStrike customers waited for fixes.",
      "At Fernbank we test restores weekly, and our backups are encrypted at rest."
    ].join("\n")
    expect(attributed(text).map(([t, v]) => [t, v])).toEqual([
      ["no downtime", null],
      ["backups are encrypted at rest", null]
    ])
  })

  it("resolves pronouns and 'the company' to a vendor named before", () => {
    expect(attributed("CrowdStrike pushed a faulty update on Friday. It said the issue has been fully resolved.")).toEqual([
      ["the issue has been fully resolved", "crowdstrike", "pronoun"]
    ])
    expect(
      attributed("Okta disclosed a breach of its support system. Customers were told to rotate keys. The company said the impact is very minimal.")
    ).toEqual([["the impact is very minimal", "okta", "pronoun"]])
  })

  it("prefers the vendor the text is about for 'the company'", () => {
    const text =
      "Cloudflare suffered a global outage on Tuesday. Cloudflare blamed a bad configuration file. Sites using CrowdStrike tools were unaffected. " +
      "The company said the issue has been fully resolved."
    expect(attributed(text).find(([t]) => t.startsWith("the issue"))).toEqual(["the issue has been fully resolved", "cloudflare", "pronoun"])
  })

  it("resolves products to their owner", () => {
    expect(attributed("The Falcon sensor is the most trusted endpoint agent.")).toEqual([["the most trusted endpoint", "crowdstrike", "product"]])
  })

  it("leaves claims about unknown vendors unattributed", () => {
    expect(attributed("Nimbus Hosting offers 99.99% uptime for small shops.")).toEqual([["99.99% uptime", null, null]])
  })

  it("leaves claims by a company the text does not name unattributed", () => {
    const text =
      "Cloudflare said customers behind its firewall were protected. A messaging provider said cloud-hosted instances were not affected. " +
      "Self-managed servers are vulnerable, one backup vendor said."
    expect(attributed(text).map(([t, v]) => [t, v])).toEqual([
      ["were protected", "cloudflare"],
      ["instances were not affected", null]
    ])
    expect(attributed("Appliances running version 10.4 are not impacted, a backup vendor said.")).toEqual([["are not impacted", null, null]])
  })

  it("gives a status page's claims to the only vendor, named in its title", () => {
    const page = "Okta status: Sign-in errors\n\nResolved - A fix has been implemented. Sign-ins are succeeding again."
    expect(attributed(page)).toEqual([
      ["A fix has been implemented", "okta", "nearest"],
      ["succeeding again", "okta", "nearest"]
    ])
    // Two vendors and a single mention each: nothing to go on.
    expect(attributed("Okta and Cloudflare status\n\nResolved - A fix has been implemented.")).toEqual([["A fix has been implemented", null, null]])
  })
})
