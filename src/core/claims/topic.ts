// Is the text about IT at all? Claims are about software, networks and online
// services; "the bridge is sturdier than ever" is not one. A text with no vendor
// is judged by its unambiguous IT words (not "network", "backup" or "service", which
// storms and hospitals have too), and only when it is long enough to judge.
import type { Token } from "../nlp/tokens"

const IT_WORDS = new Set(
  `software hardware firmware cloud server servers outage outages downtime uptime sla breach breaches breached hack hacked hacker
  hackers cyberattack cyberattacks ransomware malware phishing vulnerability vulnerabilities exploit exploited cve cybersecurity encryption
  encrypted data database databases app apps application applications online internet website websites email emails login logins
  password passwords credentials api apis saas firewall firewalls vpn endpoint endpoints antivirus browser browsers chatbot hosting
  latency bandwidth cpu gpu datacenter datacentre datacenters datacentres dns cdn kubernetes devops telecom broadband wifi smartphone
  smartphones laptop laptops computer computers pc pcs`
    .trim()
    .split(/\s+/)
)

/** Texts shorter than this are too short to judge: a single sentence keeps its claims. */
const MIN_WORDS = 60
/** Distinct IT words a vendor-free text needs before its claims count. */
const MIN_IT_WORDS = 2

export function aboutIT(tokens: readonly Token[]): boolean {
  let words = 0
  const seen = new Set<string>()
  for (const t of tokens) {
    if (t.kind !== "word") continue
    words++
    if (IT_WORDS.has(t.norm)) {
      seen.add(t.norm)
      if (seen.size >= MIN_IT_WORDS) return true
    }
  }
  return words < MIN_WORDS
}

// Things that are clearly not software, networks or online services. A claim
// whose own words (or the few words before it) name one is about that thing:
// "the fastest trains", "our dog is more reliable than our car". Words that
// also name IT things (windows, vault, lock, bridge, stable, runners, plane,
// camera, recipe, umbrella, wine) are left out.
const NON_IT_THINGS = new Set(
  `dog dogs horse horses pony car cars truck trucks bike bikes bicycle ferry boat boats barn padlock padlocks shoes jacket
  backpack lens lenses tripod brakes tyres tires mattress sofa kettle oven fridge espresso coffee bread cake pie restaurant beer
  fern athlete athletes striker goalkeeper marathon stadium referee`
    .trim()
    .split(/\s+/)
)

/** True when the span or the few words before it name a thing that is not IT, and no IT word. */
export function aboutNonItThing(tokens: readonly Token[], first: number, last: number, sentenceFirst: number): boolean {
  let thing = false
  for (let i = Math.max(sentenceFirst, first - 4); i < last; i++) {
    const norm = tokens[i].norm
    if (IT_WORDS.has(norm)) return false
    if (NON_IT_THINGS.has(norm)) thing = true
  }
  return thing
}
