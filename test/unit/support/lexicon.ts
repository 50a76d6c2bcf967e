// Small hand-made lexicons for the detector's unit tests: the real claim rules
// with a few vendors, so a test reads like the sentence it checks.
import { readFileSync } from "node:fs"

import { parse } from "yaml"

import type { ClaimRule, LexiconVendor } from "~core/types"

export const claimRules = (): ClaimRule[] => parse(readFileSync("data/claim-rules.yaml", "utf8")) as ClaimRule[]

/** A lexicon vendor whose aliases include its name, products and tickers. */
export function testVendor(name: string, extra: Partial<LexiconVendor> = {}): LexiconVendor {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, "-")
  const v: LexiconVendor = { id, name, aliases: [], ambiguous: [], products: [], tickers: [], domain: `${id}.example`, category: "cloud", ...extra }
  v.aliases = [...new Set([name, ...v.aliases, ...v.products, ...v.tickers])]
  return v
}
