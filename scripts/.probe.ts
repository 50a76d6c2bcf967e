import { readFileSync } from "node:fs"
import { analyzeText } from "/work/main/src/core/analyze"
const lines = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean)
for (const l of lines) {
  const r = analyzeText(l)
  const c = r.claims.map((c: any) => `[${c.kind}/${c.rule}] ${c.text}`).join(" | ")
  console.log((c ? "HIT  " : "MISS ") + l + (c ? "  => " + c : ""))
}
