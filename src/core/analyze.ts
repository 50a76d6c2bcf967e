// The analysis core's entry point for Node, the CLI, the tests and the service
// worker: the analyser with compromise as its in-process tagger.
import { addVendorWords, compromiseTags } from "./nlp/compromise"
import { createAnalyzer as createBareAnalyzer, type AnalyzeOptions, type Analyzer } from "./analyzer"
import type { AnalysisResult, Lexicon } from "./types"
import type { RawTerm } from "./nlp/setup"
import generatedLexicon from "../generated/lexicon.json"

export { MAX_TEXT_LENGTH, normalizeClaimText, type AnalyzeOptions, type Analyzer, type AnalyzerHooks } from "./analyzer"

export function createAnalyzer(lexicon: Lexicon): Analyzer {
  return createBareAnalyzer(lexicon, { teachVendorNames: addVendorWords })
}

let defaultAnalyzer: Analyzer | null = null

const bundledAnalyzer = () => (defaultAnalyzer ??= createAnalyzer(generatedLexicon as unknown as Lexicon))

/** Analyses text with the bundled lexicon (compiled once, on first use). */
export function analyzeText(text: string, options?: AnalyzeOptions): AnalysisResult {
  return bundledAnalyzer().analyze(text, options)
}

/** compromise's tags for short texts, with the bundled vendor names taught (the page detector asks for these). */
export function tagTexts(texts: string[]): RawTerm[][] {
  const lexicon = generatedLexicon as unknown as Lexicon
  addVendorWords(lexicon, lexicon.vendors.filter((v) => !(v.ambiguous ?? []).includes(v.name)).map((v) => v.name))
  return texts.map(compromiseTags)
}
