import { readFileSync } from "node:fs"
import { parse } from "yaml"
import { parsePattern } from "/work/main/src/core/claims/pattern"
import * as pf from "/work/main/src/core/prefilter"
const rules = parse(readFileSync("/work/main/data/claim-rules.yaml", "utf8")) as { id: string; pattern: string }[]
const sizes = rules.map((r) => { const d = pf.buildPrefilter({ vendors: [], rules: [r] } as any); return [r.id, pf.expandPrefilter(d).split("\n").slice(4).join("").length] as [string, number] })
sizes.sort((a, b) => b[1] - a[1]); console.log(sizes.slice(0, 25).map(([a, b]) => `${b} ${a}`).join("\n")); console.log("total", sizes.reduce((s, x) => s + x[1], 0))
