import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realworld } from './realworld';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** QPT 1.1.82's files, made into a "1.1.83" with one more patch (ACSD-99999): what the server offers as an update. */
export function release(): Record<string, string> {
  const read = (f: string) => readFileSync(realworld('qpt-1.1.82', f), 'utf8');
  const support = JSON.parse(read('support-patches.json')) as Record<string, unknown>;
  support['ACSD-99999'] = {
    categories: ['Customer'],
    title: 'Made-up patch that arrived after the bundled release.',
    packages: { 'magento/magento2-base': { '>=2.4.6 <2.4.7': { file: 'os/ACSD-99999_2.4.6.patch' } } },
  };
  const info = JSON.parse(read('patches-info.json')) as { version: string };
  info.version = '1.1.83';
  return {
    'support-patches.json': JSON.stringify(support),
    'community-patches.json': read('community-patches.json'),
    'patches-info.json': JSON.stringify(info),
    'magento_releases.json': read('magento_releases.json'),
  };
}

/** Serves `body` with an ETag, answering 304 when the request already has it. */
export function serve(req: IncomingMessage, res: ServerResponse, body: string | undefined): void {
  if (body === undefined) {
    res.writeHead(404).end();
    return;
  }
  const etag = `"${body.length}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', etag }).end(body);
}

/**
 * A catalog server on 127.0.0.1 (a free port): `/qpt/<file>` serves `files`, unless `special` has a handler for the
 * file. `requests` records each request's path and If-None-Match.
 */
export class CatalogServer {
  readonly special = new Map<string, Handler>();
  readonly requests: Array<{ url: string; etag?: string }> = [];
  base = '';
  private server: Server | undefined;
  constructor(readonly files: Record<string, string>) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const etag = req.headers['if-none-match'];
      this.requests.push({ url: req.url ?? '', ...(etag ? { etag: String(etag) } : {}) });
      const name = (req.url ?? '').replace(/^\/qpt\//, '');
      const handler = this.special.get(name);
      if (handler !== undefined) return handler(req, res);
      serve(req, res, this.files[name]);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/qpt/`;
  }

  stop(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}
