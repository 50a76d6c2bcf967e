// A static file server on 127.0.0.1 for fixture and demo pages. Serves only
// files under its root; everything else is a 404.
import { createServer, type Server } from "node:http"
import { readFile } from "node:fs/promises"
import { extname, join, normalize, resolve, sep } from "node:path"

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml"
}

export interface StaticServer {
  origin: string
  server: Server
  /** Every path requested, in order (the zero-network tests read it). */
  requests: string[]
  close(): Promise<void>
}

export async function serveDirectory(
  rootDir: string,
  options: { port?: number; headers?: (path: string) => Record<string, string> } = {}
): Promise<StaticServer> {
  const root = resolve(rootDir)
  const requests: string[] = []
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    requests.push(url.pathname + url.search)
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "")
    const file = join(root, relative || "index.html")
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end()
      return
    }
    try {
      const body = await readFile(file)
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...options.headers?.(url.pathname) })
      res.end(body)
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found")
    }
  })
  await new Promise<void>((ok) => server.listen(options.port ?? 0, "127.0.0.1", ok))
  const address = server.address()
  const port = typeof address === "object" && address ? address.port : 0
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok()))
  }
}
