// Prints jest's totals as one plain line, `N passed, N failed`, so CI (and a
// reader) can see at a glance that tests ran, and how many.
class TotalsReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : '');
		process.stdout.write(`\n${line}\n`);
	}
}
module.exports = TotalsReporter;
