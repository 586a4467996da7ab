/**
 * Runs the mock server on Node's HTTP server via @hono/node-server.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createMockServer, type MockServer, type MockServerOptions } from './index.js';

export interface StartServerOptions extends MockServerOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` (no trailing slash). */
  url: string;
  server: MockServer;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { port = 8787, host = '127.0.0.1', ...rest } = options;
  const mock = createMockServer(rest);
  const http = createAdaptorServer({ fetch: (request: Request) => mock.fetch(request) }) as Server;
  // Keep slow or stuck clients from holding sockets for ever.
  http.requestTimeout = 30_000;
  http.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  return {
    url,
    server: mock,
    close: () =>
      new Promise<void>((resolve) => {
        mock.close();
        http.close(() => {
          resolve();
        });
        http.closeAllConnections();
      }),
  };
}
