// Prints one closing line 'N passed, N failed' (and skipped) that any CI log reader understands.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`\njest: ${line}\n`);
  }
}

module.exports = SummaryReporter;
