// A web-test-runner reporter that ends the run with one line CI can read:
// `<label>: N passed, N failed, N skipped`. A test file that failed to load counts as failed.
export function countReporter(label) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const walk = (suite) => {
    for (const test of suite.tests) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const child of suite.suites) walk(child);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        const loadFailed = !session.passed && (session.errors?.length ?? 0) > 0;
        const hasTests = session.testResults && (session.testResults.tests.length > 0 || session.testResults.suites.length > 0);
        if (loadFailed && !hasTests) totals.failed += 1;
      }
    },
    stop() {
      console.log(`${label}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    },
  };
}
