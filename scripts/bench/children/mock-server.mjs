// Child process (run with `node --import tsx`): the real mock payment server, started the way
// `npm run server` starts it (server/node.ts `startServer`), on a free loopback port.
import { createServer } from 'node:net';

// BENCH_SERVER_DIR points the bench at another copy of the server (default: server/).
const serverDir = process.env.BENCH_SERVER_DIR ?? new URL('../../../server/', import.meta.url).pathname;
const { startServer } = await import(`${serverDir.replace(/\/?$/, '/')}node.ts`);
const { secretKey, publishableKey } = JSON.parse(process.argv[2]);
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const server = await startServer({ port, host: '127.0.0.1', secretKey, publishableKey });
process.send({ type: 'listening', url: server.url ?? `http://127.0.0.1:${port}` });
process.on('disconnect', () => process.exit(0));
// A clean exit on SIGTERM lets BENCH_CHILD_NODE_ARGS=--cpu-prof write this process's profile.
process.on('SIGTERM', () => process.exit(0));
