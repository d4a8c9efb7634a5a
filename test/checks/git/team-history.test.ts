import { describe, expect, it } from 'vitest';
import check from '../../../checks/git/team-history.js';
import { mergeAuthors, nameKey } from '../../../checks/git/support/team-authors.js';
import { testCheck } from '../../../checks/tester.js';
import type { GitHistory, HistoryCommit } from '../../../runner/history/git-history.js';
import type { SubmissionInfo } from '../../../runner/submission/submission-info.js';

let n = 0;
const commit = (author: string, email: string, date: string): HistoryCommit => ({ sha: (++n).toString(16).padStart(40, 'a'), author, email, date });
const history = (commits: HistoryCommit[], after: HistoryCommit[] = []): GitHistory => ({
  available: true,
  commit: commits[0]!.sha,
  commits,
  total: commits.length,
  capped: false,
  afterDeadline: after,
  afterDeadlineTotal: after.length,
  secrets: [],
  secretScan: { commits: commits.length, capped: false },
});
const submission = (h: GitHistory | undefined, members?: string[]): SubmissionInfo => ({ source: 'git@forge.ecole.fr:mspr/equipe-3.git', kind: 'git', refused: [], fileCount: 12, totalBytes: 4096, history: h, ...(members ? { members } : {}) });

const ROSTER = ['Élodie Lefèvre', 'Karim Benali', 'sophie.nguyen@ecole.fr'];
const balanced = [
  commit('elodie', 'elodie.lefevre@ecole.fr', '2026-11-28T17:00:00+01:00'),
  commit('LEFEVRE Elodie', 'e.lefevre@gmail.com', '2026-11-26T10:00:00+01:00'),
  commit('Karim Benali', 'karim.benali@ecole.fr', '2026-11-25T14:00:00+01:00'),
  commit('Sophie N.', 'Sophie.Nguyen@ecole.fr', '2026-11-24T09:00:00+01:00'),
  commit('Benali Karim', 'kbenali@users.noreply.forge.fr', '2026-11-20T11:00:00+01:00'),
];
const oneDay = [commit('Karim Benali', 'karim.benali@ecole.fr', '2026-12-01T23:10:00+01:00'), commit('Karim Benali', 'karim.benali@ecole.fr', '2026-12-01T22:00:00+01:00')];
const oneAuthor = [
  commit('Karim Benali', 'karim.benali@ecole.fr', '2026-11-28T17:00:00+01:00'),
  commit('Karim Benali', 'karim.benali@ecole.fr', '2026-11-25T17:00:00+01:00'),
  commit('Karim Benali', 'karim.benali@ecole.fr', '2026-11-21T17:00:00+01:00'),
];

describe('authors merged by e-mail and normalised name', () => {
  it('case, accents and word order do not matter', () => {
    expect(nameKey('LEFÈVRE Élodie')).toBe(nameKey('elodie lefevre'));
    expect(nameKey('Élodie Lefèvre')).toBe('elodie lefevre');
  });
  it('an e-mail shared or a name shared merges two identities', () => {
    const authors = mergeAuthors(balanced);
    expect(authors.map((a) => a.commits.length)).toEqual([2, 2, 1]);
    expect(authors[0]!.emails.sort()).toEqual(['e.lefevre@gmail.com', 'elodie.lefevre@ecole.fr']);
  });
});

testCheck(check, {
  valid: [
    {
      name: 'three members, each with commits (one under two names and addresses), over five days',
      evidence: { submission: submission(history(balanced), ROSTER) },
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['5 commits by the team over 5 days', 'each of the 3 members committed', 'Élodie Lefèvre 40 %', 'sophie.nguyen@ecole.fr 20 %'],
        evidence: [
          { subject: 'distinct days', expected: '>= 3', actual: 5 },
          { subject: 'member Élodie Lefèvre', actual: 2, data: expect.objectContaining({ share: 0.4, emails: ['elodie.lefevre@ecole.fr', 'e.lefevre@gmail.com'] }) },
          { subject: 'member Karim Benali', actual: 2 },
          { subject: 'git history', actual: 5, data: expect.objectContaining({ members: 'roster', afterDeadline: 0 }) },
        ],
      },
    },
    {
      name: 'members from mspr.yaml team: when the roster has none',
      evidence: { submission: submission(history(balanced)), manifest: { team: ROSTER } },
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'git history', data: expect.objectContaining({ members: 'mspr.yaml' }) }] },
    },
    {
      name: 'no member list: two authors or more over enough days',
      evidence: { submission: submission(history(balanced)) },
      expect: { status: 'pass', message: 'passNoRoster', includes: ['by 3 authors over 5 days'], evidence: [{ subject: 'author elodie', actual: 2 }] },
    },
  ],
  invalid: [
    {
      name: 'everything committed the last evening',
      evidence: { submission: submission(history(oneDay), ROSTER) },
      expect: { status: 'fail', message: 'fewDays', includes: ['2 submitted commits fit in 1 day (2026-12-01)', 'at least 3 distinct days'], evidence: [{ subject: 'distinct days', actual: 1 }] },
    },
    {
      name: 'one member did all the commits: the others are named, the jury decides',
      evidence: { submission: submission(history(oneAuthor), ROSTER) },
      expect: {
        status: 'warn',
        message: 'missingMembers',
        score: 1 / 6,
        includes: ['No commit before the deadline from: Élodie Lefèvre, sophie.nguyen@ecole.fr (2 of 3 members)', 'Karim Benali 100 %'],
        evidence: [{ subject: 'member Élodie Lefèvre', expected: '>= 1 commit', actual: 0 }],
      },
    },
    {
      name: 'missingMember: fail makes it a fail',
      options: { missingMember: 'fail' },
      evidence: { submission: submission(history(oneAuthor), ROSTER) },
      expect: { status: 'fail', message: 'missingMembers', score: 0, evidence: [{ subject: 'member Karim Benali', actual: 3 }] },
    },
    {
      name: 'one author and no member list',
      evidence: { submission: submission(history(oneAuthor)) },
      expect: { status: 'warn', message: 'oneAuthor', includes: ['One author in the history (Karim Benali 100 %)'], evidence: [{ subject: 'author Karim Benali', actual: 3 }] },
    },
    {
      name: 'commits after the deadline are listed, not counted',
      evidence: { submission: submission(history(oneDay, [commit('Élodie Lefèvre', 'elodie.lefevre@ecole.fr', '2026-12-02T08:00:00+01:00')]), ROSTER) },
      expect: {
        status: 'fail',
        message: 'fewDays',
        evidence: [{ subject: 'git history', actual: 2, data: expect.objectContaining({ afterDeadline: 1, afterDeadlineCommits: [expect.objectContaining({ author: 'Élodie Lefèvre', date: '2026-12-02T08:00:00+01:00' })] }) }],
      },
    },
    {
      name: 'a folder that is not a git repository: error, give the repository',
      evidence: { submission: submission({ available: false, reason: 'not-a-repository', message: { fr: 'x', en: 'x' } }, ROSTER) },
      expect: { status: 'error', message: 'noHistory', includes: ['Give the git URL or the cloned repository'], evidence: [{ subject: 'git history', actual: 'not-a-repository' }] },
    },
    {
      name: 'no history evidence at all (a report of an older version) is no history',
      evidence: { submission: submission(undefined) },
      expect: { status: 'error', message: 'noHistory' },
    },
    {
      name: 'a .git that links elsewhere: not read',
      evidence: { submission: submission({ available: false, reason: 'unsafe', message: { fr: 'Historique git non lu : .git est un lien.', en: 'Git history not read: .git is a link.' } }) },
      expect: { status: 'error', message: 'historyNotRead', includes: ['.git is a link'], evidence: [{ subject: 'git history', actual: 'unsafe' }] },
    },
  ],
});
