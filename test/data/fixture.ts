// Small, hand-written inputs for the data compiler. Each test changes one cell
// and expects the compiler to name the file, row and rule it broke.

import type { CompileInput } from "../../scripts/lib/compile"

export const VENDOR_HEADER =
  "vendor,aliases,domain,category,country,ambiguous_aliases,tickers,products,shared_aliases,kev_vendor_projects,hibp_domains"

export const VENDOR_ROWS = [
  "Acme Cloud,ACMC;Acme Edge;Roadrunner Inc.,acme.example,cloud,US,Roadrunner Inc.,ACMC,Acme Edge,Roadrunner Inc.,Acme;Bigco:Acme,",
  "Beta Security,BETA;BetaGuard,beta.example,security,GB,,BETA,BetaGuard,,Beta Labs,betamail.example",
  "Gamma Telecom,Roadrunner Inc.;GammaNet,gamma.example,telecom,,Roadrunner Inc.,,GammaNet,Roadrunner Inc.,,"
]

export const INCIDENT_HEADER =
  "id,vendor,aliases,date,date_basis,date_precision,end_date,type,severity,title,summary,impact_figures,sources,verified,verified_by,cves"

export const INCIDENT_ROWS = [
  "acme-2024-03-edge-outage,Acme Cloud,Acme Edge,2024-03-04,started,day,2024-03-05,outage,4,Acme Edge config push takes the CDN down,A bad configuration push broke the edge network for six hours.,6 hours; 40% of requests failed,https://status.acme.example/incidents/1,yes,,",
  "beta-2023-11-guard-zero-day,Beta Security,BetaGuard;CVE-2023-12345,2023-11-01,disclosed,month,,vulnerability,3,BetaGuard zero-day exploited against VPN appliances,Attackers exploited a flaw in BetaGuard before a patch existed.,about 300 appliances,https://beta.example/advisory;https://nvd.nist.gov/vuln/detail/CVE-2023-12345,yes,,CVE-2023-12345"
]

export const csv = (header: string, rows: string[]): string => `${[header, ...rows].join("\r\n")}\r\n`

export function kevFixture(): unknown {
  const entry = (cveID: string, vendorProject: string, product: string, dateAdded: string, ransomware = "Unknown") => ({
    cveID,
    vendorProject,
    product,
    vulnerabilityName: `${vendorProject} ${product} flaw`,
    dateAdded,
    shortDescription: "Not copied to the dataset.",
    knownRansomwareCampaignUse: ransomware
  })
  return {
    title: "fixture",
    catalogVersion: "2025.01.02",
    count: 5,
    vulnerabilities: [
      entry("CVE-2023-12345", "Beta Labs", "BetaGuard", "2023-11-02", "Known"),
      entry("CVE-2024-0001", "Acme", "Edge", "2024-01-10"),
      entry("CVE-2024-0002", "Bigco", "Acme Router", "2024-06-01"),
      entry("CVE-2024-0003", "Bigco", "Bigco Switch", "2024-06-02"),
      entry("CVE-2024-0004", "Nobody", "Thing", "2025-01-02")
    ]
  }
}

export function hibpFixture(): unknown {
  const breach = (Name: string, Domain: string, flags: Partial<Record<"IsSensitive" | "IsSpamList" | "IsFabricated", boolean>> = {}) => ({
    Name,
    Title: Name,
    Domain,
    BreachDate: "2020-05-01",
    AddedDate: "2020-06-01T10:00:00Z",
    PwnCount: 1000,
    Description: "<p>Not copied to the dataset.</p>",
    DataClasses: ["Email addresses", "Passwords"],
    IsSensitive: false,
    IsSpamList: false,
    IsFabricated: false,
    ...flags
  })
  return [
    breach("AcmeForum", "forum.acme.example"),
    breach("BetaMail", "betamail.example"),
    breach("AcmeSpam", "acme.example", { IsSpamList: true }),
    breach("NotAcme", "notacme.example")
  ]
}

export function fixtureInput(overrides: Partial<CompileInput> = {}): CompileInput {
  return {
    vendorsCsv: csv(VENDOR_HEADER, VENDOR_ROWS),
    incidentsCsv: csv(INCIDENT_HEADER, INCIDENT_ROWS),
    kev: kevFixture(),
    hibp: hibpFixture(),
    sources: { hibp: { copied: "2025-03-15" } },
    claimRulesYaml: null,
    ...overrides
  }
}

/** Replaces one cell (by column name) of a CSV row written as a plain string without quoted commas. */
export function withCell(header: string, row: string, column: string, value: string): string {
  const cells = row.split(",")
  const i = header.split(",").indexOf(column)
  if (i < 0) throw new Error(`no column ${column}`)
  cells[i] = value
  return cells.join(",")
}
