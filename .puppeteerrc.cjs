// Puppeteer only drives the system's Firefox ESR in the browser tests (web-test-runner.config.mjs);
// it must never download a browser of its own: `npm install` has to work offline and unattended.
module.exports = { skipDownload: true };
