import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../reports/report.js';
import { BatchStore, type TeamRow } from '../../runner/batch/batch-store.js';
import { summarizeBatch } from '../../runner/batch/batch-summary.js';
import { runPool } from '../../runner/batch/executor.js';
import { buildGradebook, gradebookCsv } from '../../runner/batch/gradebook.js';
import { defaultConcurrency } from '../../runner/batch/local-executor.js';
import { readRoster } from '../../runner/batch/read-roster.js';
import { exitCodeOf } from '../../runner/cli/run-batch-command.js';
import { MsprError } from '../../runner/errors.js';

const dir = () => mkdtempSync(join(tmpdir(), 'mspr-batch-parts-'));

describe('roster', () => {
  it('reads a CSV saved by French Excel: BOM, ";", French headers with accents, members split, paths beside the roster', () => {
    const root = dir();
    writeFileSync(join(root, 'promo.csv'), '\ufeffÉquipe;Dépôt;Branche;Échéance;Membres\r\nalpha;depots/alpha;rendu;2026-06-30T23:59;Inès Durand, Léo Martin\r\nbeta;https://git.ecole.fr/beta.git;;;Chloé\r\n');
    expect(readRoster(join(root, 'promo.csv')).entries).toEqual([
      { team: 'alpha', source: join(root, 'depots/alpha'), ref: 'rendu', deadline: '2026-06-30T23:59', members: ['Inès Durand', 'Léo Martin'] },
      { team: 'beta', source: 'https://git.ecole.fr/beta.git', members: ['Chloé'] },
    ]);
  });

  it('reads YAML (teams: list, members as a list) and a folder of repositories (one team per subfolder, hidden ones ignored)', () => {
    const root = dir();
    writeFileSync(join(root, 'promo.yaml'), 'teams:\n  - team: alpha\n    source: ./alpha\n    members: [Inès, Léo]\n    manifest: plans/alpha.yaml\n');
    expect(readRoster(join(root, 'promo.yaml')).entries).toEqual([{ team: 'alpha', source: join(root, 'alpha'), members: ['Inès', 'Léo'], manifest: join(root, 'plans/alpha.yaml') }]);
    for (const name of ['beta', 'alpha', '.git']) mkdirSync(join(root, 'repos', name), { recursive: true });
    expect(readRoster(join(root, 'repos')).entries.map((e) => e.team)).toEqual(['alpha', 'beta']);
  });

  it('refuses every problem at once, in both languages, each with its row as Excel numbers it (blank lines counted)', () => {
    const root = dir();
    // Saved by Excel: BOM, CRLF, and a blank row 3 that Excel still numbers.
    writeFileSync(join(root, 'bad.csv'), '\ufeffteam,source,deadline\r\nalpha,a,\r\n\r\nALPHA,b,\r\nx/y,c,\r\nomega,,\r\nzeta,z,30/06/2026\r\n');
    try {
      readRoster(join(root, 'bad.csv'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MsprError);
      expect((error as MsprError).code).toBe('MSPR_ROSTER_INVALID');
      expect((error as MsprError).text).toEqual({
        fr: [
          'Liste des équipes invalide : bad.csv, 4 problèmes :',
          '  - ligne 4 : l’équipe « ALPHA » apparaît deux fois (déjà ligne 2)',
          '  - ligne 5 : équipe « x/y » : des lettres, des chiffres, « . », « _ » ou « - » seulement (son nom devient un dossier)',
          '  - ligne 6 : l’équipe « omega » n’a pas de dépôt (colonne dépôt ou repo)',
          '  - ligne 7 : l’échéance « 30/06/2026 » n’est pas une date ISO 8601 (par ex. 2026-06-30T23:59)',
        ].join('\n'),
        en: [
          'Invalid roster: bad.csv, 4 problems:',
          '  - line 4: team "ALPHA" appears twice (already line 2)',
          '  - line 5: team "x/y": letters, digits, ".", "_" or "-" only (it names a folder)',
          '  - line 6: team "omega" has no repository (column dépôt or repo)',
          '  - line 7: deadline "30/06/2026" is not an ISO 8601 date (e.g. 2026-06-30T23:59)',
        ].join('\n'),
      });
      expect((error as MsprError).excerpt).toBeUndefined();
    }
    mkdirSync(join(root, 'empty'));
    expect(() => readRoster(join(root, 'empty'))).toThrow(MsprError);
  });

  it('a CSV roster with one empty repository cell: its row in both languages, the rows around it', () => {
    const file = join(dir(), 'promo.csv');
    writeFileSync(file, 'équipe;dépôt;membres\nalpha;depots/alpha;Inès\nbeta;depots/beta;Léo\ngamma;;Chloé\ndelta;depots/delta;Zoé\n');
    expect(() => readRoster(file)).toThrow(expect.objectContaining({
      code: 'MSPR_ROSTER_INVALID',
      text: {
        fr: `Liste des équipes invalide — ${file}, ligne 4 : l’équipe « gamma » n’a pas de dépôt (colonne dépôt ou repo)`,
        en: `Invalid roster — ${file}, line 4: team "gamma" has no repository (column dépôt or repo)`,
      },
      details: [],
      excerpt: ['3 | beta;depots/beta;Léo', '4 | gamma;;Chloé', '  | ^', '5 | delta;depots/delta;Zoé'].join('\n'),
    }));
  });

  it('a YAML roster that parses but misses a repository: the line of that team in both languages, the lines around it', () => {
    const file = join(dir(), 'promo.yaml');
    writeFileSync(file, 'teams:\n  - équipe: equipe-1\n    dépôt: depots/e1\n  - équipe: equipe-2\n    dépôt: depots/e2\n    membres: [Inès, Léo]\n  - équipe: equipe-3\n    membres: Chloé\n');
    expect(() => readRoster(file)).toThrow(expect.objectContaining({
      code: 'MSPR_ROSTER_INVALID',
      text: {
        fr: `Liste des équipes invalide — ${file}, ligne 7 : l’équipe « equipe-3 » n’a pas de dépôt (clé dépôt ou repo)`,
        en: `Invalid roster — ${file}, line 7: team "equipe-3" has no repository (key dépôt or repo)`,
      },
      details: [],
      excerpt: ['6 |     membres: [Inès, Léo]', '7 |   - équipe: equipe-3', '  |     ^', '8 |     membres: Chloé'].join('\n'),
    }));
  });

  it('a YAML roster whose members are a number: the line of the value, the caret under it', () => {
    const file = join(dir(), 'promo.yaml');
    writeFileSync(file, '- team: alpha\n  repo: depots/alpha\n  members: 3\n- team: beta\n  repo: depots/beta\n');
    expect(() => readRoster(file)).toThrow(expect.objectContaining({
      text: {
        fr: `Liste des équipes invalide — ${file}, ligne 3 : « members » : une liste de noms ou des noms séparés par des virgules sont attendus, pas un nombre`,
        en: `Invalid roster — ${file}, line 3: "members": a list of names or comma-separated names is expected, not a number`,
      },
      excerpt: ['2 |   repo: depots/alpha', '3 |   members: 3', '  |            ^', '4 | - team: beta'].join('\n'),
    }));
  });

  it('a YAML roster with an unknown key: the line of the key, the caret under it, the keys it may use', () => {
    const file = join(dir(), 'promo.yaml');
    writeFileSync(file, 'teams:\n  - team: alpha\n    repo: depots/alpha\n    email: alpha@ecole.fr\n');
    expect(() => readRoster(file)).toThrow(expect.objectContaining({
      text: {
        fr: `Liste des équipes invalide — ${file}, ligne 4 : clé inconnue « email » (clés reconnues : équipe, dépôt, branche, échéance, membres, manifest)`,
        en: `Invalid roster — ${file}, line 4: unknown key "email" (known keys: team, repo, ref, deadline, members, manifest)`,
      },
      excerpt: ['3 |     repo: depots/alpha', '4 |     email: alpha@ecole.fr', '  |     ^'].join('\n'),
    }));
  });

  it('a YAML roster with several shape problems: each on its line, in the file’s order, no excerpt', () => {
    const file = join(dir(), 'promo.yaml');
    // A team nested one list too deep, a member that is a list, the same team twice (any case).
    writeFileSync(file, '- - team: alpha\n    repo: a\n- team: Beta\n  repo: b\n- team: beta\n  repo: c\n  members: [[Inès]]\n');
    expect(() => readRoster(file)).toThrow(expect.objectContaining({
      text: {
        fr: [
          'Liste des équipes invalide : promo.yaml, 3 problèmes :',
          '  - ligne 1 : une équipe est un bloc de clés (équipe: …, dépôt: …), pas une liste',
          '  - ligne 5 : l’équipe « beta » apparaît deux fois (déjà ligne 3)',
          '  - ligne 7 : « members » : chaque membre est un nom, pas une liste',
        ].join('\n'),
        en: [
          'Invalid roster: promo.yaml, 3 problems:',
          '  - line 1: a team is a mapping (team: …, repo: …), not a list',
          '  - line 5: team "beta" appears twice (already line 3)',
          '  - line 7: "members": each member is a name, not a list',
        ].join('\n'),
      },
      details: [],
    }));
    expect(() => readRoster(file)).toThrow(expect.not.objectContaining({ excerpt: expect.anything() }));
  });

  it('a YAML roster that does not parse: its line and column in both languages, the lines around it with a caret', () => {
    const file = join(dir(), 'promo.yaml');
    writeFileSync(file, 'teams:\n  - team: alpha\n    source: "depots/alpha\n  - team: beta\n');
    expect(() => readRoster(file)).toThrow(expect.objectContaining({
      code: 'MSPR_ROSTER_INVALID',
      text: {
        fr: `Liste des équipes invalide — ${file}, ligne 3, colonne 13 : YAML invalide — guillemet « " » jamais fermé (Missing closing "quote)`,
        en: `Invalid roster — ${file}, line 3, column 13: invalid YAML — Missing closing "quote`,
      },
      details: [],
      excerpt: ['2 |   - team: alpha', '3 |     source: "depots/alpha', '  |             ^', '4 |   - team: beta'].join('\n'),
    }));
  });
});

describe('pool', () => {
  it('never runs more than the bound at once, takes items in order, and stops taking new ones once stopped', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: Array<() => void> = [];
    const work = async (item: number) => {
      started.push(item);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running -= 1;
    };
    const pool = runPool([1, 2, 3, 4, 5], 2, work);
    // Release one waiting item at a time, as each gets parked: the bound is asserted by counting, not by time.
    while (started.length < 5 || gates.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    await pool;
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    const taken: number[] = [];
    await runPool([1, 2, 3, 4], 1, async (item) => void taken.push(item), () => taken.length >= 2);
    expect(taken).toEqual([1, 2]);
  });

  it('default concurrency: cores over the scenario’s CPU limit, at least one', () => {
    expect(defaultConcurrency(2, 1)).toBe(2);
    expect(defaultConcurrency(8, 2)).toBe(4);
    expect(defaultConcurrency(2, 4)).toBe(1);
    expect(defaultConcurrency(4, 1.5)).toBe(2);
  });
});

const row = (team: string, status: TeamRow['status'], score: number | null): Omit<TeamRow, 'gradings' | 'regradedAt'> => ({
  team, runId: `run-${team}`, scenarioDigest: 'sha256:x', submissionKey: `git:${team}`, commit: `c-${team}`, commitsAfterDeadline: 0, status, score, maxScore: 6,
  reason: status === 'pass' ? null : { fr: `raison ${team}`, en: `=HYPERLINK("x") ${team}` },
  startedAt: '2026-07-01T00:00:00Z', finishedAt: '2026-07-01T00:00:01Z', durationMs: 1000, stepsMs: 800, report: `teams/${team}/report.json`,
});
const report = (checks: Record<string, string>, competencies: Record<string, string>) =>
  ({
    verdicts: Object.entries(checks).map(([id, status]) => ({ id, checkId: id, status, score: status === 'pass' ? 1 : 0, weight: 1, required: true, message: { fr: id, en: id } })),
    competencies: { items: Object.entries(competencies).map(([code, status]) => ({ ref: `cdp-data-ia:${code}`, code, status, score: 0, maxScore: 1 })) },
  }) as unknown as RunReport;

describe('store and gradebook', () => {
  it('replaces a team’s row and its verdicts when graded again (counted), and drops teams no longer in the roster', () => {
    const store = new BatchStore(join(dir(), 'batch.sqlite'));
    store.setBatch({ scenarioId: 's', scenarioDigest: 'sha256:x', scenarioSource: 'library:s', roster: 'promo.csv', options: {} });
    store.setTeams([{ team: 'alpha', source: 'a', members: ['Inès'] }, { team: 'beta', source: 'b', members: [] }, { team: 'gamma', source: 'c', members: [] }]);
    store.commitTeam(row('alpha', 'fail', 3), report({ 'steps/succeeded': 'pass', 'db/rows': 'fail' }, { 'C1.9': 'non-acquis' }));
    store.commitTeam(row('alpha', 'pass', 6), report({ 'steps/succeeded': 'pass', 'db/rows': 'pass' }, { 'C1.9': 'acquis' }));
    store.commitTeam(row('beta', 'error', 0), undefined);
    expect(store.runs().map((r) => [r.team, r.status, r.gradings])).toEqual([['alpha', 'pass', 2], ['beta', 'error', 1]]);
    expect(store.verdicts('alpha').map((v) => v.status)).toEqual(['pass', 'pass']);
    const summary = summarizeBatch(store);
    expect(summary.totals).toEqual({ teams: 3, pass: 1, fail: 0, error: 1, notGraded: 1 });
    expect(summary.distribution).toEqual({ 'C1.9': { acquis: 1, 'non-acquis': 0, 'a-verifier': 0 } });
    expect(exitCodeOf(summary)).toBe(2);

    const book = buildGradebook(summary, 'fr');
    expect(book.header).toEqual(['équipe', 'membres', 'statut', 'commit', 'commits après l’échéance', 'score', 'score max', 'raison', 'rapport', 'C1.9', 'steps/succeeded', 'db/rows']);
    expect(book.rows[0]).toEqual(['alpha', 'Inès', 'réussi', 'c-alpha', 0, 6, 6, null, 'teams/alpha/report.json', 'acquis', 'pass', 'pass']);
    expect(book.rows[2]!.slice(0, 3)).toEqual(['gamma', '', null]);
    const excel = gradebookCsv(buildGradebook(summary, 'en'), 'excel-fr');
    expect(excel.startsWith('\ufeffteam;members;status;')).toBe(true);
    // A reason quoting the team's text never becomes a formula in the spreadsheet.
    expect(excel).toContain(`;"'=HYPERLINK(""x"") beta";`);
    expect(excel).toContain('\r\n');
    expect(gradebookCsv(buildGradebook(summary, 'en'), 'rfc4180').split('\n')[1]).toBe('alpha,Inès,pass,c-alpha,0,6,6,,teams/alpha/report.json,achieved,pass,pass');

    store.setTeams([{ team: 'alpha', source: 'a', members: [] }]);
    expect(store.runs().map((r) => r.team)).toEqual(['alpha']);
    expect(store.verdicts().every((v) => v.team === 'alpha')).toBe(true);
    store.close();
  });

  it('exit code: every team passed 0, some failed 1, some not graded or in error 2', () => {
    const totals = (t: Partial<Record<'pass' | 'fail' | 'error' | 'notGraded', number>>) => ({ totals: { teams: 3, pass: 0, fail: 0, error: 0, notGraded: 0, ...t } }) as never;
    expect(exitCodeOf(totals({ pass: 3 }))).toBe(0);
    expect(exitCodeOf(totals({ pass: 2, fail: 1 }))).toBe(1);
    expect(exitCodeOf(totals({ pass: 2, notGraded: 1 }))).toBe(2);
    expect(exitCodeOf(totals({ fail: 2, error: 1 }))).toBe(2);
  });

  it('a second batch on the same folder is refused while the first is alive', () => {
    const path = join(dir(), 'batch.sqlite');
    const first = new BatchStore(path);
    first.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('owner', ?)").run(JSON.stringify({ pid: process.ppid, startTime: '', bootId: '' }));
    const second = new BatchStore(path);
    expect(() => second.claim()).toThrow(/Another batch \(process \d+\) is already working in this folder/);
    first.close();
    second.close();
  });
});

describe('progress', () => {
  it('in CI logs (not a terminal): one plain line per team start, skip and end, with its reason on one line', async () => {
    const { consoleBatchProgress } = await import('../../runner/batch/batch-progress.js');
    const lines: string[] = [];
    const stream = { isTTY: false, write: (text: string) => lines.push(...text.split('\n').filter(Boolean)) } as unknown as NodeJS.WriteStream;
    const progress = consoleBatchProgress('en', stream);
    progress.start(3);
    progress.teamSkipped('alpha');
    progress.teamStarted('beta');
    progress.teamEvent('beta', { type: 'step-start', id: 'pipeline', index: 0, total: 1 });
    progress.teamFinished({ ...row('beta', 'error', 0), reason: { fr: 'x', en: 'Cannot fetch\nfile:///x \u001b[31m' }, durationMs: 1500, gradings: 1, regradedAt: null });
    progress.end();
    expect(lines.slice(0, 3)).toEqual(['= [1/3] alpha: already graded, unchanged, result kept', '▶ beta', '✘ [2/3] beta: error 0/6 (1.5 s) — Cannot fetch ↵ file:///x '] /* newline shown, escape removed */);
    expect(lines[3]).toMatch(/^Batch done: 2\/3, failed 1 \(\d+\.\d s\)$/);
  });
});
