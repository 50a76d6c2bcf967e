// Types for the one papaparse function the core uses. The core imports the
// package's plain script entry, because the published `@types/papaparse` pulls
// Node's type definitions into every file of the core and would hide uses of
// Node globals that cannot run in the browser.
declare module "papaparse/papaparse.js" {
  interface UnparseConfig {
    quotes?: boolean | boolean[]
    delimiter?: string
    newline?: string
    header?: boolean
    columns?: string[]
    escapeFormulae?: boolean
  }
  const Papa: {
    unparse(data: { fields: string[]; data: string[][] } | string[][], config?: UnparseConfig): string
  }
  export default Papa
}
