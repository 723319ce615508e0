const Sequencer = require('@jest/test-sequencer').default;

/** Runs the files in reverse of jest's own order: a check that no file depends on another having run first. */
class ReverseSequencer extends Sequencer {
  sort(tests) {
    return [...super.sort(tests)].reverse();
  }
}

module.exports = ReverseSequencer;
