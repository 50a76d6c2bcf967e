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
