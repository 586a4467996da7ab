// A web-test-runner reporter that ends the run with one line per engine and one line CI can
// read: `<label>: N passed, N failed, N skipped`. A test file that failed to load counts as
// failed. WebKitGTK's MiniBrowser is named as the WebKit engine it is.
export function countReporter(label) {
  const perBrowser = new Map();
  const countsOf = (name) => {
    if (!perBrowser.has(name)) perBrowser.set(name, { passed: 0, failed: 0, skipped: 0 });
    return perBrowser.get(name);
  };
  const walk = (suite, counts) => {
    for (const test of suite.tests) {
      if (test.skipped) counts.skipped += 1;
      else if (test.passed) counts.passed += 1;
      else counts.failed += 1;
    }
    for (const child of suite.suites) walk(child, counts);
  };
  const line = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const name = session.browser.name === 'MiniBrowser' ? 'WebKit (MiniBrowser)' : session.browser.name;
        const counts = countsOf(name);
        if (session.testResults) walk(session.testResults, counts);
        const loadFailed = !session.passed && (session.errors?.length ?? 0) > 0;
        const hasTests = session.testResults && (session.testResults.tests.length > 0 || session.testResults.suites.length > 0);
        if (loadFailed && !hasTests) counts.failed += 1;
      }
    },
    stop() {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const [name, counts] of perBrowser) {
        console.log(`${label} ${name}: ${line(counts)}`);
        for (const key of Object.keys(totals)) totals[key] += counts[key];
      }
      console.log(`${label}: ${line(totals)}`);
    },
  };
}
