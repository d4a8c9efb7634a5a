import { describe, expect, it } from 'vitest';
import { gitReason } from '../../runner/submission/git-reason.js';

describe('gitReason: what git said, without our scratch folder', () => {
  it("keeps git's fatal line, not the Cloning into progress line", () => {
    const message = "Cloning into '/tmp/mspr-lab/20261202-051307-x-ce7d/clone'...\nfatal: unable to access 'https://h/x.git/': Could not resolve host: h\n";
    expect(gitReason(message, '/tmp/mspr-lab/20261202-051307-x-ce7d/clone')).toBe("fatal: unable to access 'https://h/x.git/': Could not resolve host: h");
  });

  it('names the scratch folder <clone> when git quotes it, and keeps any other message whole', () => {
    expect(gitReason("fatal: destination path '/s/clone' already exists", '/s/clone')).toBe("fatal: destination path '<clone>' already exists");
    expect(gitReason('spawn git ENOENT')).toBe('spawn git ENOENT');
  });
});
