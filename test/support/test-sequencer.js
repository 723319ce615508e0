const { sep } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const BROWSER_TESTS = `${sep}test${sep}web${sep}`;

/**
 * The browser journeys click through the seeded world, where 2017 is the catalogue's latest year;
 * the scheme and intake suites add 2018 scheme data to the run's shared database, after which
 * /schemes and the pages built on it speak of 2018. So the browser journeys run first. Jest's own
 * order (last failures, then durations from its cache, else file size) is kept within each group,
 * and no longer decides whether a run is green. The journeys go before the other browser tests,
 * since the login test adds next year's data for a scheme on purpose.
 */
class BrowserJourneysFirst extends Sequencer {
  sort(tests) {
    // The journeys before the other browser tests too: the login test prepares next year's scheme data.
    const rank = (test) => (test.path.includes(BROWSER_TESTS) ? (test.path.endsWith('journey.e2e-spec.ts') ? 0 : 1) : 2);
    // Array.prototype.sort is stable, so jest's order holds within each group.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = BrowserJourneysFirst;
