import { describe, expect, it } from "vitest"

import { createAnalyzer } from "~core/analyze"
import { buildDoc } from "~core/nlp/tokens"
import type { Lexicon, LexiconVendor } from "~core/types"
import { casePolicy, compileLexicon, findCandidates } from "~core/vendors/matcher"
import { findMentions, hasTickerContext } from "~core/vendors/index"

import { claimRules, testVendor } from "./support/lexicon"

const rules = claimRules()

const vendor = (name: string, extra: Partial<LexiconVendor> = {}) => testVendor(name, { category: "software", ...extra })

const lexicon: Lexicon = {
  rules,
  vendors: [
    vendor("CrowdStrike", { tickers: ["CRWD"], products: ["Falcon", "Falcon sensor"], ambiguous: ["Falcon"], aliases: ["CrowdStrike Holdings"] }),
    vendor("Microsoft", {
      tickers: ["MSFT"],
      products: ["Windows", "Azure", "Microsoft Azure", "Exchange", "Teams", "Xbox"],
      ambiguous: ["Windows", "Azure", "Exchange", "Teams"]
    }),
    vendor("GitHub", { aliases: ["Microsoft"], products: ["GitHub Actions"] }),
    vendor("Palo Alto Networks", { tickers: ["PANW"], products: ["PAN-OS"], aliases: ["Palo Alto"], ambiguous: ["Palo Alto"] }),
    vendor("Apple", { tickers: ["AAPL"], products: ["iOS", "macOS"], ambiguous: ["Apple"] }),
    vendor("Oracle", { tickers: ["ORCL"], ambiguous: ["Oracle"] }),
    vendor("Amazon Web Services", { aliases: ["AWS", "Amazon"], ambiguous: ["Amazon"] }),
    vendor("Zoom", { tickers: ["ZM"], ambiguous: ["Zoom"] }),
    vendor("Box", { tickers: ["BOX"], ambiguous: ["Box", "BOX"] }),
    vendor("Slack", { ambiguous: ["Slack"] }),
    vendor("Block", { tickers: ["SQ", "XYZ"], products: ["Square", "Cash App"], ambiguous: ["Block", "Square", "SQ", "XYZ"] }),
    vendor("Target", { tickers: ["TGT"], ambiguous: ["Target"] }),
    vendor("Cloudflare", { tickers: ["NET"], ambiguous: ["NET"] }),
    vendor("AT&T", { tickers: ["T"], ambiguous: ["T"] }),
    vendor("T-Mobile US", { aliases: ["T-Mobile"] }),
    vendor("Qihoo 360", { aliases: ["360 Security Technology", "360"], products: ["360 Total Security"], ambiguous: ["360"] }),
    vendor("SentinelOne", { tickers: ["S"], ambiguous: ["S"] })
  ]
}
const analyzer = createAnalyzer(lexicon)
const mentions = (text: string) => analyzer.analyze(text).mentions
const found = (text: string) => mentions(text).map((m) => [m.text, m.vendorId])

describe("casePolicy", () => {
  it("keeps tickers and ambiguous words exact", () => {
    expect([...casePolicy(["Apple"], true)]).toEqual(["Apple"])
  })
  it("accepts capitals and title case for names, lower case only for distinctive spellings", () => {
    const crowd = casePolicy(["CrowdStrike"], false)
    expect(crowd.has("CROWDSTRIKE")).toBe(true)
    expect(crowd.has("Crowdstrike")).toBe(true)
    expect(crowd.has("crowdstrike")).toBe(true)
    const okta = casePolicy(["Okta"], false)
    expect(okta.has("OKTA")).toBe(true)
    expect(okta.has("okta")).toBe(false)
  })
})

describe("compileLexicon / findCandidates", () => {
  it("indexes every alias by its first token and prefers the longest", () => {
    const compiled = compileLexicon(lexicon)
    const doc = buildDoc("Customers of Microsoft Azure and Palo Alto Networks were told to patch.")
    const c = findCandidates(doc, compiled).map((x) => doc.text.slice(x.start, x.end))
    expect(c).toEqual(["Microsoft Azure", "Palo Alto Networks"])
  })
  it("respects word boundaries", () => {
    const compiled = compileLexicon(lexicon)
    const doc = buildDoc("The Xbox network and the dropbox.net page are fine; so is the Boxer.")
    expect(findCandidates(doc, compiled).map((x) => doc.text.slice(x.start, x.end))).toEqual(["Xbox"])
  })
})

describe("hasTickerContext", () => {
  it("recognises exchange prefixes and cashtags", () => {
    for (const [text, ticker] of [
      ["Cloudflare (NYSE: NET) fell", "NET"],
      ["shares of $CRWD slid", "CRWD"],
      ["under the ticker symbol T today", "T"]
    ] as const) {
      const doc = buildDoc(text)
      const i = doc.tokens.findIndex((t) => t.text === ticker)
      expect(hasTickerContext(doc, i), text).not.toBeNull()
    }
    const doc = buildDoc("Hit the NET button")
    expect(hasTickerContext(doc, 2)).toBeNull()
  })
})

describe("findMentions", () => {
  it("finds plain names, tickers, possessives and hyphenated forms", () => {
    expect(found("CrowdStrike's update crashed Microsoft-owned machines; CRWD fell 11%.")).toEqual([
      ["CrowdStrike", "crowdstrike"],
      ["Microsoft", "microsoft"],
      ["CRWD", "crowdstrike"]
    ])
  })

  it("matches distinctive names in lower and upper case, but not ambiguous words", () => {
    expect(found("CROWDSTRIKE OUTAGE: crowdstrike pushed a bad file")).toEqual([
      ["CROWDSTRIKE", "crowdstrike"],
      ["crowdstrike", "crowdstrike"]
    ])
    expect(found("I ate an apple and opened the windows.")).toEqual([])
  })

  it("resolves products to their owner", () => {
    const [m] = mentions("The PAN-OS flaw let attackers run code as root on firewalls.")
    expect(m).toMatchObject({ vendorId: "palo-alto-networks", product: "PAN-OS", text: "PAN-OS" })
    expect(m.reason).toContain("product")
  })

  it("prefers the longest name and the vendor whose name it is", () => {
    expect(found("Microsoft Azure was down, Microsoft said.")).toEqual([
      ["Microsoft Azure", "microsoft"],
      ["Microsoft", "microsoft"]
    ])
    expect(found("T-Mobile customers could not call AT&T customers.")).toEqual([
      ["T-Mobile", "t-mobile-us"],
      ["AT&T", "at-t"]
    ])
  })

  it("accepts ambiguous names with support and says why", () => {
    const cases: [string, string, string][] = [
      ["Windows machines crashed after the faulty update.", "Windows", "microsoft"],
      ["Microsoft said Windows devices would recover after a reboot.", "Windows", "microsoft"],
      ["Apple released an emergency patch for iOS on Monday.", "Apple", "apple"],
      ["Zoom said its service was restored after the outage.", "Zoom", "zoom"],
      ["Oracle Corp reported strong cloud revenue.", "Oracle", "oracle"],
      ["Shares of Cloudflare (NYSE: NET) fell after the outage.", "NET", "cloudflare"],
      ["Target confirmed that hackers stole card data from 40 million shoppers.", "Target", "target"],
      ["Palo Alto said its firewalls are now patched against the exploited vulnerability.", "Palo Alto", "palo-alto-networks"]
    ]
    for (const [text, surface, id] of cases) {
      const m = mentions(text).find((x) => x.text === surface)
      expect(m, text).toBeDefined()
      expect(m?.vendorId).toBe(id)
      expect(m?.reason).toMatch(/accepted/)
    }
  })

  it("rejects ordinary senses of ambiguous names", () => {
    const negatives = [
      "Apple pie is the best dessert for a cold evening.",
      "The Oracle of Delphi was consulted by kings.",
      "The Amazon river floods every year and the rainforest grows back.",
      "Close the Windows before the storm, the builder said.",
      "We spent a weekend in Palo Alto, California, eating tacos.",
      "Buy a Zoom lens for your camera.",
      "Put the books in a Box and tape it shut.",
      "There was too much Slack in the rope, so the sail flapped.",
      "The town Square was full of market stalls.",
      "The archer hit the Target with her last arrow.",
      "Block the road with cones.",
      "The horse stables were cleaned on Sunday.",
      "Hit the NET, said the coach.",
      "The T-shirt was blue and the S-curve was steep."
    ]
    for (const text of negatives) expect(found(text), text).toEqual([])
  })

  it("rejects ambiguous names embedded in another institution's name", () => {
    expect(found("Microsoft settled with the Securities and Exchange Commission.")).toEqual([["Microsoft", "microsoft"]])
  })

  it("finds nothing on a page without vendors", () => {
    expect(mentions("Preheat the oven. Mix flour, sugar and butter, then bake for forty minutes.")).toEqual([])
  })

  it("follows one sense per page for weakly supported repeats", () => {
    const text = "Slack said the outage was caused by a cloud networking change.\n\nLater that day Slack was back."
    expect(found(text).filter(([t]) => t === "Slack")).toHaveLength(2)
  })

  it("skips dismissed vendors", () => {
    const doc = buildDoc("CrowdStrike and SentinelOne compete.")
    const compiled = compileLexicon(lexicon)
    expect(findMentions(doc, compiled, { ignoredVendors: new Set(["crowdstrike"]) }).map((m) => m.vendorId)).toEqual(["sentinelone"])
  })
})
