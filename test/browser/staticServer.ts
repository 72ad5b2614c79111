/**
 * The plainest web server there is, for the hosting test: it serves a folder under a sub-path
 * (`/some/path/`) on 127.0.0.1 with the usual content types and no special headers, as an
 * intranet's server would. Anything outside the sub-path is a 404, and every 404 is recorded, so
 * a test can tell whether the app asked for a file it has not got (an absolute URL, say).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** The site's address, ending in the sub-path and a slash. */
  url: string;
  /** Paths asked for that were not there (or outside the sub-path), in order. */
  notFound: string[];
  /** Paths served, in order. */
  served: string[];
  close(): Promise<void>;
}

export async function serveFolder(root: string, subPath: string): Promise<StaticServer> {
  if (!subPath.startsWith('/') || !subPath.endsWith('/')) throw new Error(`sub-path must start and end with "/": ${subPath}`);
  const notFound: string[] = [];
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const fail = () => {
        notFound.push(path);
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      };
      if (!path.startsWith(subPath)) return fail();
      const rel = path.slice(subPath.length) || 'index.html';
      const file = normalize(join(root, rel));
      if (file !== root && !file.startsWith(root + sep)) return fail();
      try {
        const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
        const body = await readFile(target);
        served.push(path);
        res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
      } catch {
        fail();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    notFound,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
