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
      if (c.pattern) return parsePattern(c.pattern)
      return { type: "class", name: cls[1] }
    }
    const tag = /^#([A-Z][A-Za-z]+)$/.exec(lx)
    if (tag) return { type: "tag", tag: tag[1] }
    // A literal may hold several tokens ("world's", "best-in-class").
    const words = tokenize(lx).map((t) => ({ type: "word", word: normalizeToken(t.text) }) as PatternNode)
    if (words.length === 0) throw new PatternError(`bad literal "${lx}" in "${source}"`)
    return words.length === 1 ? words[0] : { type: "seq", items: words }
  }
  const root = parseAlt()
  if (i < lexemes.length) throw new PatternError(`unexpected "${lexemes[i]}" in "${source}"`)
  return root
}

/** Index keys a match can start with; null when the pattern could start anywhere (not allowed). */
export function firstKeys(node: PatternNode): { keys: Set<string>; nullable: boolean } | null {
  switch (node.type) {
    case "word":
      return { keys: new Set([node.word]), nullable: false }
    case "class": {
      const c = WORD_CLASSES[node.name]
      return { keys: new Set(c.key ? [c.key] : [...(c.words ?? [])]), nullable: false }
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

/** Literal words any match must contain at least one of (used for the page prefilter). */
export function cueWords(node: PatternNode): Set<string> | null {
  switch (node.type) {
    case "word":
      return new Set([node.word])
    case "class": {
      const c = WORD_CLASSES[node.name]
      return c.words ? new Set(c.words) : null
    }
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
      // The most selective required item: the one with the fewest alternatives,
      // preferring plain words over open classes.
      let best: Set<string> | null = null
      for (const item of node.items) {
        const c = cueWords(item)
        if (c && (!best || c.size < best.size)) best = c
      }
      return best
    }
  }
}

export interface MatchContext {
  tokens: Token[]
  /** Exclusive token limit (end of sentence). */
  limit: number
  /** Lazily tags the current sentence; returns the tags of token i. */
  tagsAt(i: number): ReadonlySet<string>
}

const CLAUSE_STOP = new Set([".", ",", ";", ":", "!", "?", "(", ")", "“", "”", "\"", "—", "–", "but", "although", "though", "however", "while", "whereas", "because"])

/** All token positions where a match of `node` starting at `pos` can end. */
export function matchEnds(node: PatternNode, pos: number, ctx: MatchContext): number[] {
  switch (node.type) {
    case "word":
      return pos < ctx.limit && ctx.tokens[pos].norm === node.word ? [pos + 1] : []
    case "class": {
      if (pos >= ctx.limit) return []
      const c = WORD_CLASSES[node.name]
      const t = ctx.tokens[pos]
      return (c.test ? c.test(t) : c.words?.has(t.norm)) ? [pos + 1] : []
    }
    case "tag":
      return pos < ctx.limit && ctx.tokens[pos].kind !== "punct" && ctx.tagsAt(pos).has(node.tag) ? [pos + 1] : []
    case "rest": {
      let end = pos
      while (end < ctx.limit && end - pos < MAX_REST && !CLAUSE_STOP.has(ctx.tokens[end].norm)) end++
      return end > pos ? [end] : []
    }
    case "seq": {
      let current = [pos]
      for (const item of node.items) {
        const next = new Set<number>()
        for (const p of current) for (const e of matchEnds(item, p, ctx)) next.add(e)
        if (next.size === 0) return []
        current = [...next]
      }
      return current
    }
    case "alt": {
      const out = new Set<number>()
      for (const o of node.options) for (const e of matchEnds(o, pos, ctx)) out.add(e)
      return [...out]
    }
    case "repeat": {
      const out = new Set<number>()
      if (node.min === 0) out.add(pos)
      let frontier = [pos]
      for (let n = 1; n <= node.max && frontier.length > 0; n++) {
        const next = new Set<number>()
        for (const p of frontier) for (const e of matchEnds(node.node, p, ctx)) if (e > p) next.add(e)
        if (n >= node.min) next.forEach((e) => out.add(e))
        frontier = [...next]
      }
      return [...out]
    }
  }
}
