// Child process: the baseline for the server benchmark — a bare node:http server that reads
// the request body and answers a fixed JSON body (the size of a real confirm response), with
// nothing else: no routing, no validation, no state.
import { createServer } from 'node:http';

const { body } = JSON.parse(process.argv[2]);
const payload = Buffer.from(body);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': payload.length });
    res.end(payload);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', url: `http://127.0.0.1:${server.address().port}` }));
process.on('disconnect', () => process.exit(0));
// A clean exit on SIGTERM lets BENCH_CHILD_NODE_ARGS=--cpu-prof write this process's profile.
process.on('SIGTERM', () => process.exit(0));
