// Context that cancels a claim: negation right before the span; doubt, hope,
// plans or a condition earlier in the sentence; a condition right after it;
// and questions.
//
// Decisions (documented in data/claim-rules.yaml):
// - "X is not more reliable" is not a claim: the negation reverses it.
//   So are "failed to restore", "few systems were restored" and a figure that
//   falls short ("missed its 99.95% availability target").
// - "not only more reliable but …" stays a claim.
// - Reported doubt ("critics doubt it is secure", "could not confirm that …"),
//   hopes and plans ("hopes to restore", "plans to add a region to improve
//   availability"), what would have happened ("would have reached only …") and
//   conditions ("until systems are restored", "… if you upgrade") are not claims.
// - A condition that names the failure ("if a zone goes down, traffic fails
//   over") describes the claim itself and stays one, as does "even if".
// - Reported speech without doubt ("analysts said the issue was resolved")
//   stays a claim: someone asserted it.
import type { Token } from "../nlp/tokens"

/** Words before a span searched for a negation ("it is not true that X is the most secure"). */
const NEGATION_WINDOW = 6
const NEGATORS = new Set(["not", "never", "no", "neither", "nor", "hardly", "barely", "cannot", "without", "nothing", "none", "nobody"])
/** Negate only before "to": "failed to restore", "unable to log in" (but "the cluster that failed has been restored"). */
const NEGATORS_BEFORE_TO = new Set(["fail", "fails", "failed", "failing", "unable", "struggled", "struggling", "struggles", "refused", "declined"])
/** Words of belief or proof that report doubt when negated ("could not confirm that …", "nor are we convinced …", "stopped short of …"). */
const NEGATED_DOUBT = new Set([
  "confirm", "confirmed", "verify", "verified", "convinced", "sure", "certain", "prove", "proven", "proved", "established", "substantiate",
  "shown", "demonstrated", "short", "when", "how", "claim", "say", "promise", "guarantee", "believe", "buy", "think", "accept", "expect"
])
const NEGATED_DOUBT_WINDOW = 6
/** Just before a figure, these make it a shortfall, not a boast. */
const SHORTFALL = new Set(["only", "just", "below", "under", "beneath", "short", "missed", "miss", "misses", "lacked", "lacks"])
/** A condition that names the failure a claim is about is no hedge: "if a zone goes down, traffic fails over". */
const FAILURE_WORDS = new Set(["fails", "fail", "failed", "breaks", "break", "crashes", "crash", "goes", "go", "down", "wrong", "outage", "disaster", "fire", "flood", "loses", "lost", "dies", "offline"])
const CONDITIONS = new Set(["if", "once", "unless", "until"])
// Quotation marks do not break a clause: 'this is not a "switch to us and never go down" post'.
const CLAUSE_BREAK = new Set([",", ";", ":", ".", "!", "?", "(", ")", "—", "–", "but", "and", "or", "although", "while"])
const DOUBT = new Set([
  "doubt", "doubts", "doubted", "doubting", "doubtful", "questioned", "questioning", "dispute", "disputed", "disputes",
  "skeptical", "sceptical", "skepticism", "scepticism", "unclear", "unproven", "unverified", "unsubstantiated", "whether", "if", "until", "unless",
  "once", "challenged", "wondered", "wonder", "dubious", "myth", "falsely",
  // Hopes, aims and guesses are not assertions: "it hopes to have systems restored", "might be safer".
  "might", "perhaps", "possibly", "hopefully", "hope", "hopes", "hoped", "hoping", "intends", "intended",
  "expects", "expecting", "wants", "trying", "tries", "supposedly", "allegedly", "skeptics", "sceptics", "targeting", "targeted"
])
/** A condition right after the span: "invites keep working if you still use Zoom" (but not "even if"). */
const CONDITION_AFTER = new Set(["if", "unless", "provided", "assuming"])
const QUESTION_OPENERS = new Set([
  "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "has", "have", "should", "isn", "aren",
  // Wh-questions ask rather than assert too: "Which provider offers the best uptime?"
  "which", "why", "what", "who", "how", "whose"
])
/** Plans and aims before "to" are not assertions: "it plans to add a region to improve availability". */
const FUTURE_BEFORE_TO = new Set(["plans", "plan", "planned", "planning", "aims", "aim", "aimed", "aiming", "wants", "seeks", "intends", "promises", "pledged", "vowed", "meant", "supposed"])
/** "would have", "could have", "might have": what would have happened, not what did. */
const COUNTERFACTUAL = new Set(["would", "could", "might", "should"])

/** True when a negation sits in the same clause, at most NEGATION_WINDOW words before the span (contractions like isn't count). */
export function isNegated(tokens: Token[], first: number, sentenceFirst: number): boolean {
  let words = 0
  for (let i = first - 1; i >= sentenceFirst && words < NEGATION_WINDOW; i--) {
    const t = tokens[i]
    if (CLAUSE_BREAK.has(t.norm)) return false
    if (t.kind === "punct") continue
    words++
    if (t.norm === "t" && i >= 2 && tokens[i - 1].norm === "'" && tokens[i - 2].norm.endsWith("n")) return true
    if (NEGATORS_BEFORE_TO.has(t.norm) && tokens[i + 1]?.norm === "to") return true
    // "any more durable" is asked or denied, not claimed.
    if (i === first - 1 && t.norm === "any" && tokens[first]?.norm === "more") return true
    // "Few systems have been restored" (but "a few … have been restored" is a claim).
    if (t.norm === "few" && tokens[i - 1]?.norm !== "a") return true
    // A figure that falls short: "fell well short of 99.999% uptime", "available only 99.1% of the time".
    if (SHORTFALL.has(t.norm) && tokens[first]?.kind === "num" && words <= 2) return true
    if (NEGATORS.has(t.norm)) {
      const next = tokens[i + 1]
      // "not only", "not just": an intensifier, not a negation.
      if (t.norm === "not" && next && (next.norm === "only" || next.norm === "just")) continue
      return true
    }
  }
  return false
}

/** True when the sentence frames the span as doubtful, conditional or a question. */
export function isHedged(tokens: Token[], first: number, last: number, sentenceFirst: number, sentenceLast: number): boolean {
  for (let i = first - 1; i >= sentenceFirst; i--) {
    const norm = tokens[i].norm
    if (DOUBT.has(norm) && !(CONDITIONS.has(norm) && namesFailure(tokens, i))) return true
    if (NEGATED_DOUBT.has(norm) && negatedBefore(tokens, i, sentenceFirst)) return true
    if (FUTURE_BEFORE_TO.has(norm) && tokens[i + 1]?.norm === "to") return true
    if (COUNTERFACTUAL.has(norm) && tokens[i + 1]?.norm === "have") return true
  }
  let after = last
  if (tokens[after]?.norm === ",") after++
  if (after < sentenceLast && CONDITION_AFTER.has(tokens[after].norm) && tokens[after - 1]?.norm !== "even") return true
  let head = sentenceFirst
  while (head < sentenceLast && tokens[head].kind === "punct") head++
  let tail = sentenceLast - 1
  while (tail > head && tokens[tail].kind === "punct" && tokens[tail].text !== "?") tail--
  return tokens[tail]?.text === "?" && head < sentenceLast && QUESTION_OPENERS.has(tokens[head].norm)
}

/** A negation (or "stopped" before "short of") among the few words before token i. */
function negatedBefore(tokens: Token[], i: number, sentenceFirst: number): boolean {
  if (tokens[i].norm === "short") return tokens[i + 1]?.norm === "of" && /^stop/.test(tokens[i - 1]?.norm ?? "")
  for (let j = i - 1; j >= sentenceFirst && j >= i - NEGATED_DOUBT_WINDOW; j--) {
    const n = tokens[j].norm
    if (NEGATORS.has(n) || n === "nor" || (n === "few" && tokens[j - 1]?.norm !== "a") || (n === "t" && tokens[j - 1]?.norm === "'")) return true
  }
  return false
}

/** True when the few words after a condition word name a failure ("if a data centre fails"). */
function namesFailure(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < tokens.length && j <= i + 5; j++) if (FAILURE_WORDS.has(tokens[j].norm)) return true
  return false
}
