// A small, allocation-light tokenizer and sentence splitter. Vendor matching
// and claim rules both run on these tokens, so the text is scanned once and
// compromise is only needed for the few sentences that need tags.

export type TokenKind = "word" | "num" | "punct"

export interface Token {
  /** Exact slice of the text. */
  text: string
  /** Lowercased, curly apostrophes folded to `'`. */
  norm: string
  start: number
  end: number
  kind: TokenKind
  /** True when whitespace separates this token from the previous one. */
  space: boolean
  /** True when the whitespace before this token contains a line break. */
  newline: boolean
}

export interface Sentence {
  index: number
  /** Token range [first, last). */
  first: number
  last: number
  start: number
  end: number
  paragraph: number
}

export interface Doc {
  text: string
  tokens: Token[]
  sentences: Sentence[]
  /** Sentence index of each token. */
  sentenceOf: Int32Array
}

// Numbers keep their decimal/thousands parts (99.999, 1,000) and any trailing
// letters (3CX, 4G); words are runs of letters, marks and digits; anything
// else that is not whitespace is a one-character punctuation token. A
// hand-written scanner: ASCII is classified by table, the rest by regex.
const SPACE = 0
const ALPHA = 1
const DIGIT = 2
const OTHER = 3
const ASCII = new Uint8Array(128)
for (let c = 0; c < 128; c++) {
  ASCII[c] = c >= 48 && c <= 57 ? DIGIT : (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? ALPHA : c <= 32 || c === 127 ? SPACE : OTHER
}
const U_SPACE = /\s/u
const U_DIGIT = /\p{N}/u
const U_ALPHA = /[\p{L}\p{M}]/u

function classify(code: number): number {
  if (code < 128) return ASCII[code]
  const ch = String.fromCodePoint(code)
  if (U_ALPHA.test(ch)) return ALPHA
  if (U_DIGIT.test(ch)) return DIGIT
  if (U_SPACE.test(ch)) return SPACE
  return OTHER
}

const APOSTROPHES = /[’‘`´]/g

export function normalizeToken(s: string): string {
  const lower = s.toLowerCase()
  // Most tokens have no curly apostrophe; skip the regex for them.
  return lower.length > 1 && /^[a-z0-9]+$/.test(lower) ? lower : lower.replace(APOSTROPHES, "'")
}

/** Class of the code point at i, and its width in UTF-16 units (packed as class * 4 + width). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 128) return ASCII[c] * 4 + 1
  const code = text.codePointAt(i) ?? c
  return classify(code) * 4 + (code > 0xffff ? 2 : 1)
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const n = text.length
  let i = 0
  let prevEnd = 0
  let newline = false
  while (i < n) {
    const packed = classAt(text, i)
    const cls = packed >> 2
    if (cls === SPACE) {
      const c = text.charCodeAt(i)
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) newline = true
      i += packed & 3
      continue
    }
    const start = i
    let kind: TokenKind
    if (cls === OTHER) {
      i += packed & 3
      kind = "punct"
    } else {
      kind = cls === DIGIT ? "num" : "word"
      if (cls === DIGIT) {
        // Digits, then decimal or thousands groups ("99.999", "1,000").
        for (;;) {
          let p = classAt(text, i)
          while (i < n && p >> 2 === DIGIT) {
            i += p & 3
            p = i < n ? classAt(text, i) : 0
          }
          const sep = text.charCodeAt(i)
          if (i + 1 < n && (sep === 46 || sep === 44) && classAt(text, i + 1) >> 2 === DIGIT) i++
          else break
        }
      }
      // Letters, marks and digits ("3CX", "Log4j").
      while (i < n) {
        const p = classAt(text, i)
        const k = p >> 2
        if (k !== ALPHA && k !== DIGIT) break
        i += p & 3
      }
    }
    const s = text.slice(start, i)
    tokens.push({ text: s, norm: normalizeToken(s), start, end: i, kind, space: start > prevEnd, newline: start > prevEnd && newline })
    prevEnd = i
    newline = false
  }
  return tokens
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  "inc", "corp", "co", "ltd", "llc", "plc", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "v", "no", "jr", "sr",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e", "i", "g", "u", "s", "etc", "approx", "est", "dept", "fig"
])
const CLOSERS = new Set(["”", "’", "\"", "'", ")", "]", "»"])

function isParagraphBreak(text: string, from: number, to: number): boolean {
  let lines = 0
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 10) lines++
    if (lines >= 2) return true
  }
  return false
}

/** Splits tokens into sentences: at . ! ? followed by a capitalised word or quote, and at every line break. */
export function splitSentences(text: string, tokens: Token[]): { sentences: Sentence[]; sentenceOf: Int32Array } {
  const sentences: Sentence[] = []
  const sentenceOf = new Int32Array(tokens.length)
  let first = 0
  let paragraph = 0
  const close = (last: number): void => {
    if (last <= first) return
    const index = sentences.length
    sentences.push({ index, first, last, start: tokens[first].start, end: tokens[last - 1].end, paragraph })
    for (let i = first; i < last; i++) sentenceOf[i] = index
    first = last
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (i > first && t.newline) {
      close(i)
      if (isParagraphBreak(text, tokens[i - 1].end, t.start)) paragraph++
    }
    if (t.kind !== "punct") continue
    const c = t.text
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue
    let j = i + 1
    while (j < tokens.length && !tokens[j].space && CLOSERS.has(tokens[j].text)) j++
    if (j >= tokens.length) continue
    const next = tokens[j]
    if (!next.space) continue
    if (c === ".") {
      const prev = i > 0 ? tokens[i - 1] : null
      if (prev && !t.space && prev.kind === "word" && ABBREVIATIONS.has(prev.norm) && j === i + 1) continue
      // "U.S." style initials
      if (prev && prev.text.length === 1 && prev.kind === "word" && i >= 2 && tokens[i - 2].text === ".") continue
    }
    const f = next.text.charAt(0)
    if (/[\p{Lu}\p{N}“"‘'([«]/u.test(f) || next.newline) close(j)
  }
  close(tokens.length)
  return { sentences, sentenceOf }
}

export function buildDoc(text: string): Doc {
  const tokens = tokenize(text)
  const { sentences, sentenceOf } = splitSentences(text, tokens)
  return { text, tokens, sentences, sentenceOf }
}

export function isCapitalized(s: string): boolean {
  return /^\p{Lu}/u.test(s)
}

/** First word-like token of a sentence, skipping opening quotes and brackets. */
export function sentenceHead(doc: Doc, s: Sentence): number {
  for (let i = s.first; i < s.last; i++) if (doc.tokens[i].kind !== "punct") return i
  return s.first
}
