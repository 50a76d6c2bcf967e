// Word classes usable in claim rules as {name}. Keeping them here (not in
// every rule) makes the rule pack short and keeps the vocabulary consistent.
import type { Token } from "../nlp/tokens"

export interface WordClass {
  /** Literal members (normalised, one token each). */
  words?: ReadonlySet<string>
  /** Test for open classes such as numbers. */
  test?: (t: Token) => boolean
  /** Index key used instead of `words` for open classes. */
  key?: string
  /** A sub-pattern in the rule notation, for multi-word members ("industry-leading"). */
  pattern?: string
}

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/))

// Adjectives whose comparative or superlative is a reliability claim.
const reliabilityAdjectives = "reliable stable resilient robust dependable available consistent predictable durable sturdy redundant"
const securityAdjectives = "secure safe protected private hardened impenetrable"
const performanceAdjectives = "scalable performant efficient powerful responsive fast accurate effective"
const generalAdjectives =
  "trusted trustworthy comprehensive intelligent advanced innovative capable proven mature sophisticated complete integrated resilient " +
  "effective seamless flexible intuitive modern transparent resistant smart smarter agile automated unified lightweight affordable " +
  "simple easy stronger better faster safer cheaper"

const reliabilityNouns = "reliability availability uptime stability resilience resiliency durability redundancy"
const performanceNouns = "performance speed speeds latency throughput efficiency scalability scale"
const securityNouns = "security protection defense defence safety privacy encryption detection prevention"

// Things that get restored after an incident, data that may have been touched, and who was affected.
const systemNouns =
  "system systems service services operations access connectivity functionality platform platforms network networks " +
    "application applications apps app servers server devices hosts endpoints machines sites website websites " +
    "infrastructure environment environments flights payments email sensors features products product latency traffic " +
    "performance dns login logins authentication routing delivery portal"
const incidentNouns =
  "issue issues problem problems incident outage outages disruption disruptions bug defect error errors glitch incidents impact vulnerability vulnerabilities flaw " +
  "intrusion intrusions breach attack attacks compromise"
const dataNouns = "data information credentials passwords records files details accounts emails funds pii numbers addresses card cards vaults keys money balances"
const peopleNouns =
  "customers users clients you organizations organisations businesses companies enterprises consumers members subscribers tenants merchants retailers shoppers patients passengers everyone everybody"

export const WORD_CLASSES: Record<string, WordClass> = {
  "reliable-adj": { words: set(reliabilityAdjectives) },
  "secure-adj": { words: set(securityAdjectives) },
  "performance-adj": { words: set(performanceAdjectives) },
  /** Any quality adjective: used after the first one in a list ("reliable, stable and intelligent"). */
  "quality-adj": { words: set(`${reliabilityAdjectives} ${securityAdjectives} ${performanceAdjectives} ${generalAdjectives}`) },
  /** Nouns naming a quality a vendor may claim. */
  "quality-noun": {
    words: set(
      "reliability availability uptime stability resilience resiliency security protection detection prevention " +
    "visibility efficacy scalability privacy"
    )
  },
  /** Leadership labels, several tokens each. */
  leader: {
    pattern:
      "industry -? leading | market -? leading | category -? leading | best -? in -? class | world -? class | best -? of -? breed | " +
      "unmatched | unrivaled | unrivalled | unparalleled | unsurpassed | unbeatable | superior | (the)? highest (level of | levels of)? | " +
      "(the)? strongest | military -? grade | enterprise -? grade | (bank | banking) -? (grade | level) | best -? in -? (industry | market)"
  },
  "reliability-noun": { words: set(reliabilityNouns) },
  "performance-noun": { words: set(performanceNouns) },
  "any-quality-noun": { words: set(`${reliabilityNouns} ${performanceNouns} ${securityNouns} visibility efficacy`) },
  /** What a vendor sells. */
  "thing-noun": {
    words: set(
      "platform platforms cloud clouds service services solution solutions product products network networks firewall firewalls browser " +
    "browsers provider providers vendor vendors software system systems antivirus protection security endpoint " +
    "infrastructure os server servers hosting app apps suite cdn vpn edge dns storage database tool tools partner partners " +
      "hyperscaler hyperscalers choice option"
    )
  },
  "security-noun": { words: set(securityNouns) },
  /** Things that get restored after an incident. */
  "system-noun": { words: set(systemNouns) },
  "incident-noun": { words: set(incidentNouns) },
  /** Data that may (not) have been touched. */
  "data-noun": { words: set(dataNouns) },
  /** Anything an incident may touch: data, people or systems (over 90 words, so the prefilter reads it as any word). */
  asset: {
    words: set(
      `${dataNouns} ${peopleNouns} ${systemNouns} instance instances cluster clusters database databases storage bucket buckets ` +
        "workload workloads api apis requests queries builds deployments pipelines repositories vms containers regions connections uploads messages " +
        "version versions release releases edition editions deployment tenant hardware power datacenters links copies"
    )
  },
  /** What a fix restores or resolves: systems, the incident itself, and cloud resources (over 90 words: any word to the prefilter). */
  restorable: {
    words: set(
      `${systemNouns} ${incidentNouns} instance instances cluster clusters database databases storage bucket buckets workload workloads ` +
        "api apis builds deployments pipelines repositories vms containers regions connections uploads messages queues capacity operation sync power"
    )
  },
  /** Words that narrow an outage or a loss ("a single remote-access outage", "a single working day"). */
  modifier: {
    words: set(
      "unplanned unscheduled major significant serious working business network service security remote access production vpn " +
        "company platform region regional global wide widespread full total complete customer facing related single long day hour"
    )
  },
  /** An impact measure going down ("error rates have dropped"). */
  receding: { words: set("dropped decreased declined fallen subsided receded dropping decreasing declining falling improved improving") },
  "data-owner": { words: set("customer customers client clients user users personal patient patients sensitive financial payment card our your their its") },
  /** Who or what a breach denial is about ("denied that attackers …", "denied any breach"). */
  intruder: { words: set("attackers attacker hackers hacker intruders intruder criminals breach breaches hack compromise intrusion cyberattack ransomware") },
  /** Verbs for data that was touched by an attacker. */
  "breach-verb": { words: set("hacked accessed compromised exposed stolen exfiltrated leaked breached taken viewed copied obtained exploited decrypted lost touched altered") },
  /** Verbs for impact on customers or data. */
  "impact-verb": { words: set("affected impacted lost harmed disrupted involved") },
  "fix-verb": { words: set("restored resolved fixed mitigated remediated recovered reverted addressed repaired corrected patched isolated squashed eliminated cured") },
  "degree": { words: set("fully completely entirely largely mostly successfully now quickly already substantially totally all since also been") },
  "intensifier": { words: set("far much even significantly vastly considerably substantially dramatically markedly increasingly ever") },
  /** Degree words a reviewer or customer uses for a perceived difference ("noticeably quicker"). */
  noticeably: { words: set("noticeably measurably appreciably visibly clearly consistently significantly much far") },
  "small": { words: set("minimal limited negligible small minor isolated slight insignificant modest") },
  "people": { words: set(peopleNouns) },
  "copula": { words: set("is are was were remains remain remained stays stay stayed be been being") },
  "number-word": { words: set("two three four five six seven eight nine ten twenty hundred") },
  /** "10x", "3.5x" written as one token. */
  multiplier: { test: (t) => t.kind === "num" && /^\d+(?:[.,]\d+)?x$/i.test(t.text), key: "<num>" },
  /** Any word (not a number or punctuation): a slot for one unlisted word ("a single DNS-related outage"). Never first in a rule. */
  any: { test: (t) => t.kind === "word", key: "<word>" },
  /** An adverb in -ly ("boringly dependable"). Never first in a rule. */
  "ly-adverb": { test: (t) => t.kind === "word" && t.norm.length > 4 && t.norm.endsWith("ly"), key: "<word>" },
  /** A word in -ing ("is scanning normally again"). Never first in a rule. */
  ing: { test: (t) => t.kind === "word" && t.norm.length > 4 && t.norm.endsWith("ing"), key: "<word>" },
  /** A literal "+" ("400+ days"), which the notation reserves for repeats. */
  plus: { words: set("+") },
  /** Any number token. */
  num: { test: (t) => t.kind === "num", key: "<num>" },
  /** 90 to 100 with any decimals (99.999, 99.8): availability and protection figures. */
  nines: { test: (t) => t.kind === "num" && /^(?:9\d(?:[.,]\d+)?|100(?:[.,]0+)?)$/.test(t.text), key: "<num>" }
}
