// Preloaded into the CLI under test (NODE_OPTIONS=--import=…): writes the process's peak resident memory (kB)
// to $MSPR_TEST_RSS_FILE when it exits, so a test can bound the grader's memory. A crash (V8 fatal error)
// writes nothing, which the test reads as a failure too.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.MSPR_TEST_RSS_FILE) writeFileSync(process.env.MSPR_TEST_RSS_FILE, String(process.resourceUsage().maxRSS));
});
