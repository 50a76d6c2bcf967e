// The in-page bundle imports CSS as text (esbuild `loader: { ".css": "text" }`)
// and puts it inside its shadow root.
declare module "*.css" {
  const css: string
  export default css
}
