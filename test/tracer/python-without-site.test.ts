import { describe, expect, it } from 'vitest';
import { pythonWithoutSite } from '../../runner/tracer/python-without-site.js';

describe('which Python never loads the tracer (and so gets no trace key)', () => {
  const cases: Array<[string[], boolean]> = [
    [['/usr/bin/python3', 'main.py'], false],
    [['python', '-u', 'main.py'], false],
    [['python3.11', '-m', 'nbconvert', '--execute', 'x.ipynb'], false],
    [['python', '-c', 'import sys; sys.flags', '-I'], false],
    [['python', '-X', 'utf8', '-W', 'ignore', 'main.py'], false],
    [['make', 'run'], false],
    [['bash', '-c', 'python -I forge.py'], false],
    [['python', '-I', 'forge.py'], true],
    [['/usr/bin/python3', '-S', 'forge.py'], true],
    [['python3', '-uE', 'forge.py'], true],
    [['python', '-Wignore', '-bI', 'forge.py'], true],
    [['python', '--check-hash-based-pycs', 'never', '-E', 'forge.py'], true],
  ];
  it.each(cases)('%j → %s', (argv, expected) => {
    expect(pythonWithoutSite(argv)).toBe(expected);
  });
});
