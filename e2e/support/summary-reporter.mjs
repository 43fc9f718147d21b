/*
| Prints `N passed, N failed, N skipped` as the run's very last line: `npm test`
| (scripts/test.mjs) and CI read that line. Counts tests by their final outcome
| (a flaky test that passed on retry is passed); an error outside any test (the
| server did not start, a spec did not load) counts as one failure.
*/
export default class SummaryReporter {
  constructor() {
    this.suite = null
    this.errors = 0
    this.began = 0
  }

  printsToStdio() {
    return false
  }

  onBegin(_config, suite) {
    this.suite = suite
  }

  onTestBegin() {
    this.began++
  }

  onError() {
    this.errors++
  }

  onExit() {
    // `--list` runs nothing and reports nothing: no line to read.
    if (!this.began && !this.errors) return
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const test of this.suite?.allTests() ?? []) {
      const outcome = test.outcome()
      if (outcome === 'skipped') counts.skipped++
      else if (outcome === 'expected' || outcome === 'flaky') counts.passed++
      else counts.failed++
    }
    counts.failed += this.errors
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
  }
}
