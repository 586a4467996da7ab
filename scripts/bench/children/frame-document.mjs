// Child process (run with `node --import tsx`): the card frame exactly as the mock payment
// server serves it — `createMockServer({ frameScriptPath })` with the frame script built for
// this run — asked for its document and for the script the document loads, in process (no
// port). Answers {type:'result', document, script, src} once, with bodies and headers, and
// stays until the bench stops it.
const serverDir = process.env.BENCH_SERVER_DIR ?? new URL('../../../server/', import.meta.url).pathname;
const { createMockServer } = await import(`${serverDir.replace(/\/?$/, '/')}index.ts`);
const { framePath, secretKey, publishableKey } = JSON.parse(process.argv[2]);
const mock = createMockServer({ secretKey, publishableKey, frameScriptPath: framePath });

const get = async (url) => {
  const response = await mock.fetch(new Request(url));
  return { url, status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
};
// Two merchants' pages embed the frame with different fragments (origin, channel): the
// fragment never reaches the server, so one request stands for both.
const document = await get(`https://api.example/elements/v1/card-frame.html?key=${publishableKey}`);
const src = /<script type="module" src="([^"]+)"/.exec(document.body)?.[1]?.replaceAll('&amp;', '&');
const script = src ? await get(new URL(src, document.url).href) : null;
process.send({ type: 'result', document, script, src: src ?? null });
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
