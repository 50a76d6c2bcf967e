// Compiler and matcher for the claim-rule notation documented at the top of
// data/claim-rules.yaml. Patterns compile to a tiny tree that is matched
// against the token stream with backtracking; every rule is indexed by the
// words it can start with, so a page costs one map lookup per token.
import { normalizeToken, tokenize, type Token } from "../nlp/tokens"
import { WORD_CLASSES } from "./vocabulary"

export type PatternNode =
  | { type: "word"; word: string }
  | { type: "class"; name: string }
  | { type: "tag"; tag: string }
  | { type: "rest" }
  | { type: "seq"; items: PatternNode[] }
  | { type: "alt"; options: PatternNode[] }
  | { type: "repeat"; node: PatternNode; min: number; max: number }

export class PatternError extends Error {}

const MAX_REPEAT = 6
const MAX_REST = 12

/**
 * The same pattern without the spaces the notation does not need (around
 * brackets, bars and repeat marks): the bundled rule pack is a third smaller.
 */
export function compactPattern(source: string): string {
  return source.trim().replace(/\s*([()|?*+])\s*/g, "$1").replace(/\s+/g, " ")
}

// Parsed literals and class patterns, shared by every rule: most words recur across the pack.
// Nodes are never mutated after parsing, so sharing them is safe.
const literals = new Map<string, PatternNode>()
const classPatterns = new Map<string, PatternNode>()

/** Parses one pattern. Throws PatternError with a readable message on bad syntax. */
export function parsePattern(source: string): PatternNode {
  const lexemes = source.match(/\(|\)|\||\?|\*|\+|[^\s()|?*+]+/g) ?? []
  let i = 0
  const parseAlt = (): PatternNode => {
    const options: PatternNode[] = [parseSeq()]
    while (lexemes[i] === "|") {
      i++
      options.push(parseSeq())
    }
    return options.length === 1 ? options[0] : { type: "alt", options }
  }
  const parseSeq = (): PatternNode => {
    const items: PatternNode[] = []
    while (i < lexemes.length && lexemes[i] !== ")" && lexemes[i] !== "|") {
      let node = parseAtom()
      const op = lexemes[i]
      if (op === "?" || op === "*" || op === "+") {
        i++
        node = { type: "repeat", node, min: op === "+" ? 1 : 0, max: op === "?" ? 1 : MAX_REPEAT }
      }
      items.push(node)
    }
    if (items.length === 0) throw new PatternError(`empty alternative in "${source}"`)
    return items.length === 1 ? items[0] : { type: "seq", items }
  }
  const parseAtom = (): PatternNode => {
    const lx = lexemes[i++]
    if (lx === undefined) throw new PatternError(`unexpected end of "${source}"`)
    if (lx === "(") {
      const inner = parseAlt()
      if (lexemes[i++] !== ")") throw new PatternError(`missing ")" in "${source}"`)
      return inner
    }
    if (lx === "?" || lx === "*" || lx === "+" || lx === ")") throw new PatternError(`unexpected "${lx}" in "${source}"`)
    if (lx === "...") return { type: "rest" }
    const cls = /^\{([a-z-]+)\}$/.exec(lx)
    if (cls) {
      const c = WORD_CLASSES[cls[1]]
      if (!c) throw new PatternError(`unknown word class {${cls[1]}} in "${source}"`)
      if (c.pattern) {
        let parsed = classPatterns.get(cls[1])
        if (!parsed) classPatterns.set(cls[1], (parsed = parsePattern(c.pattern)))
        return parsed
      }
      return { type: "class", name: cls[1] }
    }
    const tag = /^#([A-Z][A-Za-z]+)$/.exec(lx)
    if (tag) return { type: "tag", tag: tag[1] }
    // A literal may hold several tokens ("world's", "best-in-class").
    const known = literals.get(lx)
    if (known) return known
    const words = tokenize(lx).map((t) => ({ type: "word", word: normalizeToken(t.text) }) as PatternNode)
    if (words.length === 0) throw new PatternError(`bad literal "${lx}" in "${source}"`)
    const node: PatternNode = words.length === 1 ? words[0] : { type: "seq", items: words }
    literals.set(lx, node)
    return node
  }
  const root = parseAlt()
  if (i < lexemes.length) throw new PatternError(`unexpected "${lexemes[i]}" in "${source}"`)
  return root
}

/** Index keys a match can start with; null when the pattern could start anywhere (not allowed). */
export function firstKeys(node: PatternNode): { keys: ReadonlySet<string>; nullable: boolean } | null {
  switch (node.type) {
    case "word":
      return { keys: new Set([node.word]), nullable: false }
    case "class": {
      // The class's own set, not a copy: rule compilation runs on the page, once.
      const c = WORD_CLASSES[node.name]
      return { keys: c.key ? new Set([c.key]) : (c.words ?? new Set()), nullable: false }
    }
    case "tag":
    case "rest":
      return null
    case "repeat": {
      const f = firstKeys(node.node)
      return f && { keys: f.keys, nullable: node.min === 0 || f.nullable }
    }
    case "alt": {
      const keys = new Set<string>()
      let nullable = false
      for (const o of node.options) {
        const f = firstKeys(o)
        if (!f) return null
        f.keys.forEach((k) => keys.add(k))
        nullable ||= f.nullable
      }
      return { keys, nullable }
    }
    case "seq": {
      const keys = new Set<string>()
      for (const item of node.items) {
        const f = firstKeys(item)
        if (!f) return null
        f.keys.forEach((k) => keys.add(k))
        if (!f.nullable) return { keys, nullable: false }
      }
      return { keys, nullable: true }
    }
  }
}

// Words too common to tell whether a rule can fire in a sentence.
const COMMON = new Set([
  "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could",
  "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "not", "no", "never", "all", "our", "its", "their", "your", "it", "we",
  "they", "you", "this", "that", "these", "those", "more", "most", "now", "also", "up", "down", "one", "'", "s", "-", ",", "."
])

/**
 * Words of which every match contains at least one (null when there is no
 * such set). Prefers the rarest required item, so a sentence without any of
 * these words can skip the rule.
 */
export function cueWords(node: PatternNode): ReadonlySet<string> | null {
  switch (node.type) {
    case "word":
      return new Set([node.word])
    case "class":
      return WORD_CLASSES[node.name].words ?? null
    case "tag":
    case "rest":
      return null
    case "repeat":
      return node.min === 0 ? null : cueWords(node.node)
    case "alt": {
      const all = new Set<string>()
      for (const o of node.options) {
        const c = cueWords(o)
        if (!c) return null
        c.forEach((w) => all.add(w))
      }
      return all
    }
    case "seq": {
      let best: ReadonlySet<string> | null = null
      let bestCost = Infinity
      for (const item of node.items) {
        const c = cueWords(item)
        const cost = cueCost(c)
        if (cost < bestCost) {
          best = c
          bestCost = cost
        }
      }
      return best
    }
  }
}

/** How unselective a cue set is: common words weigh most, then the number of words. */
export function cueCost(cues: ReadonlySet<string> | null): number {
  if (!cues) return Infinity
  let common = 0
  cues.forEach((w) => {
    if (COMMON.has(w)) common++
  })
  return common * 1000 + cues.size
}

export interface MatchContext {
  tokens: Token[]
  /** Exclusive token limit (end of sentence). */
  limit: number
  /** Lazily tags the current sentence; returns the tags of token i. */
  tagsAt(i: number): ReadonlySet<string>
}

const CLAUSE_STOP = new Set([".", ",", ";", ":", "!", "?", "(", ")", "“", "”", "\"", "—", "–", "but", "although", "though", "however", "while", "whereas", "because"])
// A gap never runs over a negation: "the backlog of jobs has not been cleared" is no claim.
const GAP_STOP = new Set(["not", "never", "cannot", "t"])

/** Receives each position where a match can end. */
export type Emit = (end: number) => void
/** A compiled pattern: calls `emit` for every end of a match starting at `pos`. */
export type Matcher = (pos: number, ctx: MatchContext, emit: Emit) => void

/**
 * Compiles a pattern tree into nested closures (continuation passing), so
 * matching allocates almost nothing: most attempts fail on the first or
 * second token, and a page makes tens of thousands of attempts.
 */
export function compileMatcher(node: PatternNode): Matcher {
  switch (node.type) {
    case "word": {
      const w = node.word
      return (pos, ctx, emit) => {
        if (pos < ctx.limit && ctx.tokens[pos].norm === w) emit(pos + 1)
      }
    }
    case "class": {
      const c = WORD_CLASSES[node.name]
      const test = c.test
      const words = c.words
      return (pos, ctx, emit) => {
        if (pos >= ctx.limit) return
        const t = ctx.tokens[pos]
        if (test ? test(t) : words?.has(t.norm)) emit(pos + 1)
      }
    }
    case "tag": {
      const tag = node.tag
      return (pos, ctx, emit) => {
        if (pos < ctx.limit && ctx.tokens[pos].kind !== "punct" && ctx.tagsAt(pos).has(tag)) emit(pos + 1)
      }
    }
    case "rest":
      return (pos, ctx, emit) => {
        let end = pos
        // Every stop counts, shortest first: "stops ... in its tracks" needs a gap,
        // and the longest match still wins where "..." ends a rule.
        while (end < ctx.limit && end - pos < MAX_REST && !CLAUSE_STOP.has(ctx.tokens[end].norm) && !GAP_STOP.has(ctx.tokens[end].norm)) emit(++end)
      }
    case "seq": {
      const parts = node.items.map(compileMatcher)
      return parts.reduceRight<Matcher>(
        (rest, head) => (pos, ctx, emit) => head(pos, ctx, (e) => rest(e, ctx, emit)),
        (pos, _ctx, emit) => emit(pos)
      )
    }
    case "alt": {
      const options = node.options.map(compileMatcher)
      return (pos, ctx, emit) => {
        for (const o of options) o(pos, ctx, emit)
      }
    }
    case "repeat": {
      const inner = compileMatcher(node.node)
      const { min, max } = node
      return (pos, ctx, emit) => {
        const step = (p: number, n: number): void => {
          if (n >= min) emit(p)
          if (n < max) inner(p, ctx, (e) => {
            if (e > p) step(e, n + 1)
          })
        }
        step(pos, 0)
      }
    }
  }
}

/** The end of the longest match starting at `pos`, or -1. */
export function longestMatch(matcher: Matcher, pos: number, ctx: MatchContext): number {
  let best = -1
  matcher(pos, ctx, (e) => {
    if (e > best) best = e
  })
  return best
}
