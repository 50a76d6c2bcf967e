import { readFileSync } from "node:fs"
import { parse } from "yaml"
import { describe, expect, it } from "vitest"

import { compileRules, createRuleCompiler, findClaimSpans, spanKind } from "~core/claims/finder"
import { isHedged, isNegated } from "~core/claims/modifiers"
import { compactPattern, compileMatcher, cueWords, longestMatch, parsePattern, PatternError } from "~core/claims/pattern"
import { buildDoc } from "~core/nlp/tokens"
import { CLAIM_KINDS, type ClaimRule } from "~core/types"

type RuleWithExamples = ClaimRule & { examples?: string[] }
const pack = parse(readFileSync("data/claim-rules.yaml", "utf8")) as RuleWithExamples[]
const ruleSet = compileRules(pack)

function claims(text: string): [string, string][] {
  const doc = buildDoc(text)
  return findClaimSpans(doc, ruleSet).map((s) => [text.slice(s.start, s.end), s.rule.id])
}
const texts = (text: string) => claims(text).map(([t]) => t)

describe("parsePattern", () => {
  it("parses literals, groups, classes, tags and repetition", () => {
    const node = parsePattern("(the)? most {reliable-adj} (, {quality-adj})* #Noun ...")
    expect(node.type).toBe("seq")
  })
  it("splits literals the way page text is tokenised", () => {
    expect(parsePattern("world's")).toEqual({
      type: "seq",
      items: [
        { type: "word", word: "world" },
        { type: "word", word: "'" },
        { type: "word", word: "s" }
      ]
    })
  })
  it("rejects bad syntax and unknown classes with a readable error", () => {
    expect(() => parsePattern("(more reliable")).toThrow(PatternError)
    expect(() => parsePattern("more {no-such-class}")).toThrow(/unknown word class/)
    expect(() => parsePattern("a | | b")).toThrow(/empty alternative/)
  })
})

describe("compileMatcher / longestMatch", () => {
  it("returns the longest match end", () => {
    const doc = buildDoc("more reliable, stable and secure than before")
    const m = compileMatcher(parsePattern("more {reliable-adj} ((, | and) {quality-adj})*"))
    const end = longestMatch(m, 0, { tokens: doc.tokens, limit: doc.tokens.length, tagsAt: () => new Set() })
    expect(doc.tokens[end - 1].text).toBe("secure")
  })
})

describe("cueWords", () => {
  it("picks the rarest required words, not function words", () => {
    expect([...(cueWords(parsePattern("(has | have) been (restored | resolved)")) ?? [])].sort()).toEqual(["resolved", "restored"])
  })
})

describe("compileRules", () => {
  it("compiles the whole rule pack with valid kinds and unique ids", () => {
    expect(ruleSet.errors).toEqual([])
    expect(new Set(pack.map((r) => r.id)).size).toBe(pack.length)
    for (const r of pack) {
      expect(CLAIM_KINDS).toContain(r.kind)
      expect(r.rationale.length).toBeGreaterThan(10)
    }
  })
  it("refuses rules that could start anywhere", () => {
    const bad = compileRules([{ id: "x", kind: "reliability", pattern: "(very)? ... reliable", rationale: "r" }])
    expect(bad.errors[0].id).toBe("x")
  })
  it("matches every documented example in full with its own rule", () => {
    for (const rule of pack) {
      const one = compileRules([rule])
      for (const ex of rule.examples ?? []) {
        const doc = buildDoc(ex)
        const spans = findClaimSpans(doc, one)
        expect(spans.map((s) => ex.slice(s.start, s.end)), `${rule.id}: ${ex}`).toEqual([ex])
      }
    }
  })
})

describe("findClaimSpans", () => {
  it("keeps a coordinated list of qualities as one span", () => {
    expect(claims("360 Security Technology claimed its products were more reliable, stable, comprehensive and intelligent than CrowdStrike.")).toEqual([
      ["more reliable, stable, comprehensive and intelligent", "comparative-reliability"]
    ])
  })

  it("covers superlatives and leadership labels", () => {
    expect(texts("Our firewall is the most secure on the market.")).toEqual(["the most secure"])
    expect(texts("It offers industry-leading protection against ransomware.")).toEqual(["industry-leading protection against ransomware"])
    expect(texts("A best-in-class platform from the world's most trusted vendor.")).toEqual(["best-in-class", "world's most trusted"])
  })

  it("covers absolutes and availability figures", () => {
    expect(texts("Our edge network never goes down and offers 99.999% uptime.")).toEqual(["never goes down", "99.999% uptime"])
    expect(texts("Zero downtime migrations and 100% protection, guaranteed.")).toEqual(["Zero downtime", "100% protection"])
    expect(texts("We deliver five nines of availability.")).toEqual(["five nines of availability"])
  })

  it("covers recovery and reassurance statements", () => {
    expect(texts("All systems have been restored and the issue has been fully resolved.")).toEqual([
      "All systems have been restored",
      "the issue has been fully resolved"
    ])
    expect(texts("The company said the impact is very minimal and no customer data was affected.")).toEqual([
      "the impact is very minimal",
      "no customer data was affected"
    ])
    expect(texts("Payment services are operating normally again.")).toEqual(["are operating normally again"])
  })

  it("covers security assurances", () => {
    expect(texts("We have found no evidence of malicious activity, and your data remains secure.")).toEqual([
      "no evidence of malicious activity",
      "your data remains secure"
    ])
    expect(texts("This was not a security incident or cyberattack.")).toEqual(["was not a security incident"])
  })

  it("covers claims reviewers, analysts, customers and resellers make about a product", () => {
    expect(texts("Our reviewers called it dependable and fast.")).toEqual(["called it dependable and fast"])
    expect(texts("One customer said the agent barely touches the CPU and ran without a hitch.")).toEqual(["barely touches the CPU", "without a hitch"])
    expect(texts("A reseller said its clients' sync has been rock steady.")).toEqual(["has been rock steady"])
    expect(texts("Since the switch we haven't had a single remote-access outage.")).toEqual(["'t had a single remote-access outage"])
    expect(texts("The analysts praised its reliability and rated it highly for uptime.")).toEqual(["praised its reliability", "highly for uptime"])
    expect(texts("Two testers rated its client noticeably quicker than the rest.")).toEqual(["noticeably quicker than the rest"])
  })

  it("covers denials of a breach", () => {
    expect(texts("The company denied that attackers had accessed customer records.")).toEqual(["denied that attackers had accessed customer records"])
    expect(texts("It rejected claims that its network had been breached.")).toEqual(["rejected claims that its network had been breached"])
    expect(texts("The firm said it was not hacked and found nothing to suggest data was taken.")).toEqual([
      "was not hacked",
      "nothing to suggest data was taken"
    ])
    expect(texts("Card numbers are tokenised and never stored on its own servers.")).toEqual(["Card numbers are tokenised", "never stored on its own servers"])
  })

  it("covers durability and availability figures", () => {
    expect(texts("Objects are designed for 99.999999999% durability.")).toEqual(["99.999999999% durability"])
    expect(texts("Every tier gets eleven nines of durability; the archive tier offers four-nines availability.")).toEqual([
      "eleven nines of durability",
      "four-nines availability"
    ])
    expect(texts("Storage is built for 11 9's and is highly durable.")).toEqual(["11 9's", "highly durable"])
  })

  it("covers status-page lines saying a fix or mitigation was applied", () => {
    expect(texts("A fix has been implemented and we are monitoring the results.")).toEqual(["A fix has been implemented"])
    expect(texts("We have rolled back the change.")).toEqual(["have rolled back the change"])
    expect(texts("Mitigation has been applied; error rates have dropped sharply.")).toEqual(["Mitigation has been applied", "error rates have dropped sharply"])
    expect(texts("Our engineers have put a mitigation in place.")).toEqual(["put a mitigation in place"])
    expect(texts("Engineers deployed a fix and services are recovering.")).toEqual(["deployed a fix", "services are recovering"])
    expect(texts("Requests are succeeding again and latency is back at baseline.")).toEqual(["succeeding again", "latency is back at baseline"])
  })

  it("takes the context kind for 'not affected' statements", () => {
    const vuln = buildDoc("The vulnerability is being exploited. Appliances running version 7.2 or later are not impacted.")
    const outage = buildDoc("The outage took the region offline. Droplets in other zones are not affected.")
    const kindOf = (doc: ReturnType<typeof buildDoc>) => findClaimSpans(doc, ruleSet).map((s) => [s.rule.id, spanKind(doc, s)])
    expect(kindOf(vuln)).toEqual([["not-affected", "security"]])
    expect(kindOf(outage)).toEqual([["not-affected", "recovery"]])
    expect(texts("The flaw does not affect the SaaS version of the product.")).toEqual(["does not affect the SaaS version of the product"])
  })

  it("ignores status-page lines that report work in progress", () => {
    expect(claims("We are investigating elevated error rates and are reverting the change now.")).toEqual([])
    expect(claims("Can anyone check whether eleven nines of durability holds for a bucket?")).toEqual([])
    expect(claims("It is too soon to know whether the fix has been implemented everywhere.")).toEqual([])
  })

  it("ignores neutral reporting of an incident", () => {
    expect(claims("The outage affected 8.5 million devices and grounded flights for a day.")).toEqual([])
    expect(claims("Hackers stole the personal data of 190 million people.")).toEqual([])
  })

  it("drops negated claims", () => {
    expect(claims("Azure is not more reliable than AWS.")).toEqual([])
    expect(claims("Service hasn't been restored yet.")).toEqual([])
  })

  it("keeps 'not only' as an intensifier", () => {
    expect(texts("It is not only more reliable but also cheaper.")).toEqual(["more reliable"])
  })

  it("drops doubted, conditional and questioned claims", () => {
    expect(claims("Analysts questioned whether the systems were restored.")).toEqual([])
    expect(claims("Critics doubt it is more secure than before.")).toEqual([])
    expect(claims("Customers must wait until systems have been restored.")).toEqual([])
    expect(claims("Is the new platform really more reliable?")).toEqual([])
  })

  it("does not cross sentence boundaries", () => {
    expect(claims("It was never. Goes down the hill.")).toEqual([])
  })
})

describe("spanKind", () => {
  it("reads 'not affected' as security in a breach story and recovery in an outage story", () => {
    const breach = buildDoc("Hackers breached the support system and stole files. The production service was not affected.")
    const outage = buildDoc("The outage took the login page down for hours. The production service was not affected.")
    const kindOf = (doc: ReturnType<typeof buildDoc>) => findClaimSpans(doc, ruleSet).map((s) => spanKind(doc, s))
    expect(kindOf(breach)).toEqual(["security"])
    expect(kindOf(outage)).toEqual(["recovery"])
  })
})

describe("claims about things that are not IT", () => {
  it("drops a claim whose own words name a physical thing, but keeps IT senses", () => {
    expect(texts("Our dog is more reliable than our car.")).toEqual([])
    expect(texts("The new lens is blazing fast to focus.")).toEqual([])
    expect(texts("Self-hosted runners are unaffected.")).not.toEqual([])
    expect(texts("The Windows fleet has been fully restored.")).not.toEqual([])
  })
})

describe("createRuleCompiler", () => {
  it("compiles a few rules per step into the same rule set as compileRules", () => {
    const compiler = createRuleCompiler(pack)
    let steps = 0
    while (!compiler.step(7)) steps++
    expect(steps).toBeGreaterThan(pack.length / 7 - 2)
    const stepped = compiler.result()
    const text = "The company said all systems have been restored and its platform is more reliable than ever."
    const spans = (rs: ReturnType<typeof compileRules>) => findClaimSpans(buildDoc(text), rs).map((s) => [s.start, s.end, s.rule.id])
    expect(stepped.rules.length).toBe(ruleSet.rules.length)
    expect(spans(stepped)).toEqual(spans(ruleSet))
    expect(spans(stepped).length).toBeGreaterThan(0)
  })
})

describe("compactPattern", () => {
  it("drops only spaces the notation does not need: every rule parses to the same tree", () => {
    for (const r of pack) {
      const compact = compactPattern(r.pattern)
      expect(compact.length).toBeLessThanOrEqual(r.pattern.length)
      expect(parsePattern(compact), r.id).toEqual(parsePattern(r.pattern))
    }
  })
})

describe("isNegated / isHedged", () => {
  it("looks for negation in the clause just before the span", () => {
    const doc = buildDoc("It isn't more reliable, but it is more secure.")
    const more = doc.tokens.map((t, i) => (t.norm === "more" ? i : -1)).filter((i) => i >= 0)
    expect(isNegated(doc.tokens, more[0], 0)).toBe(true)
    expect(isNegated(doc.tokens, more[1], 0)).toBe(false)
  })
  it("detects doubt words and yes/no questions", () => {
    const doc = buildDoc("Few doubt that the service was restored.")
    expect(isHedged(doc.tokens, 5, 8, 0, doc.tokens.length)).toBe(true)
    const plain = buildDoc("The service was restored.")
    expect(isHedged(plain.tokens, 1, 4, 0, plain.tokens.length)).toBe(false)
  })
  it("treats hopes, guesses and conditions as hedges, but not 'even if'", () => {
    expect(texts("The company hopes the service is restored by Friday.")).toEqual([])
    expect(texts("A second region might be more reliable.")).toEqual([])
    expect(texts("Your invites keep flowing as normal if you still use the old client.")).toEqual([])
    expect(texts("Our systems keep running even if a data centre fails.")).toEqual(["keep running even if"])
    expect(texts("The vendor could not confirm that the flaw was not exploited.")).toEqual([])
    expect(texts("The company stopped short of promising complete protection.")).toEqual([])
    expect(texts("Attackers failed to breach the network, and the service stayed online throughout the attack.")).toEqual(["stayed online throughout the attack"])
  })
})
