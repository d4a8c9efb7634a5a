import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../checks/verdict.js';
import type { StoredVerdict } from '../../runner/batch/batch-store.js';
import { MsprError } from '../../runner/errors.js';
import { readKeptEvidence } from '../../runner/kept-evidence/read-kept-evidence.js';
import { recordingInspector } from '../../runner/kept-evidence/recording-inspector.js';
import { replayInspector } from '../../runner/kept-evidence/replay-inspector.js';
import { inputChanges, runInputsOf } from '../../runner/kept-evidence/run-inputs.js';
import { splitLiveChecks } from '../../runner/regrade/live-checks.js';
import { verdictChanges } from '../../runner/regrade/verdict-changes.js';
import { loadScenario } from '../../scenarios/load-scenario.js';
import { describeEachDatabase } from '../helpers/database-servers.js';
import { fixture } from '../helpers/run-cli.js';
import { type ScratchDatabase, scratchDatabase } from '../helpers/scratch-database.js';

const stored = (id: string, status: string, score: number, weight = 1): StoredVerdict => ({ team: 't', id, checkId: id, status, score, weight, required: true, message: { fr: '', en: '' } });
const fresh = (id: string, status: Verdict['status'], score: number, weight = 1) => ({ id, checkId: id, status, score, weight }) as Verdict;

describe('verdict changes', () => {
  it('lists a status or points that moved, and checks added or removed; a reworded verdict is no change', () => {
    const before = [stored('a', 'pass', 1), stored('b', 'fail', 0, 3), stored('c', 'warn', 0.5, 2), stored('gone', 'pass', 1)];
    const after = [fresh('a', 'pass', 1), fresh('b', 'pass', 1, 3), fresh('c', 'warn', 0.5, 4), fresh('new', 'skip', 0)];
    expect(verdictChanges(before, after, false)).toEqual([
      { check: 'b', before: { status: 'fail', points: 0, weight: 3 }, after: { status: 'pass', points: 3, weight: 3 } },
      { check: 'c', before: { status: 'warn', points: 1, weight: 2 }, after: { status: 'warn', points: 2, weight: 4 } },
      { check: 'new', before: null, after: { status: 'skip', points: 0, weight: 1 } },
      { check: 'gone', before: { status: 'pass', points: 1, weight: 1 }, after: null },
    ]);
    expect(verdictChanges(before.slice(0, 1), after.slice(0, 1), false)).toEqual([]);
  });

  it('counts a fail with partial credit under scoring: partial only', () => {
    const before = [stored('b', 'fail', 0.5, 2)];
    expect(verdictChanges(before, [fresh('b', 'fail', 0.75, 2)], false)).toEqual([]);
    expect(verdictChanges(before, [fresh('b', 'fail', 0.75, 2)], true)).toEqual([{ check: 'b', before: { status: 'fail', points: 1, weight: 2 }, after: { status: 'fail', points: 1.5, weight: 2 } }]);
  });
});

describe('checks that need the running app', () => {
  // http/accessible reads the audit of the served pages, which a batch does not keep: it cannot be judged again.
  const uses = [{ use: 'repo/files-present' }, { use: 'http/accessible', with: { failOn: ['critical'] } }];
  const previous = [fresh('repo/files-present', 'pass', 1), { ...fresh('http/accessible', 'fail', 0), message: { fr: 'violations', en: 'violations' } }];

  it('keep the run’s verdict when their use is the one the run judged, and say so', async () => {
    const split = await splitLiveChecks(uses, structuredClone(uses), previous, 'alpha');
    expect(split.judged).toEqual([{ index: 0, use: uses[0] }]);
    expect(split.settled).toEqual([{ index: 1, verdict: previous[1] }]);
    expect(split.notes.map((n) => n.en)).toEqual(['http/accessible: the run’s verdict is kept (it needs the running app, which a regrade does not start again).']);
  });

  it('are error, naming the team to run again, when their options changed or they are new', async () => {
    const changed = await splitLiveChecks(uses, [uses[0]!, { use: 'http/accessible' }], previous, 'alpha');
    const fresher = await splitLiveChecks(uses, [uses[0]!], previous.slice(0, 1), 'alpha');
    for (const split of [changed, fresher]) {
      expect(split.settled).toHaveLength(1);
      expect(split.settled[0]!.verdict).toMatchObject({ id: 'http/accessible', status: 'error', score: 0, messageKey: 'needsRun', required: true, criteria: ['dev-ia-ds:A1.3 C2', 'cdp-data-ia:C2.6'] });
      expect(split.settled[0]!.verdict.message.en).toBe('Cannot be re-graded without running the team again: this check needs the running app (HTTP), and its options changed since the run (or it is new). Run again: mspr-lab batch … --team alpha.');
      expect(split.notes).toEqual([]);
    }
  });
});

describe('run inputs', () => {
  it('a change of checks only is reusable; steps, sandbox, services and dataset bytes are not, each named', async () => {
    const loaded = await loadScenario(fixture('scenarios/foundation-bloc1.yaml'));
    const kept = runInputsOf(loaded);
    const checksOnly = { ...loaded, scenario: { ...loaded.scenario, checks: [] } };
    expect(inputChanges(kept, runInputsOf(checksOnly))).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'mspr-inputs-'));
    writeFileSync(join(dir, 'ventes.csv'), 'id;montant\n1;2\n');
    const changed = {
      ...loaded,
      scenario: {
        ...loaded.scenario,
        steps: [{ id: 'pipeline', candidate: true as const, timeoutSec: 10 }],
        services: [{ id: 'db', kind: 'postgres' as const }],
        datasets: [{ path: join(dir, 'ventes.csv') }, { path: 'boutique/produits.json' }, { path: 'boutique/produits.json', as: 'autre.json' }],
      },
    };
    expect(inputChanges(kept, runInputsOf(changed)).map((c) => c.en)).toEqual([
      'the scenario’s steps changed',
      'the scenario’s services (databases) changed',
      'dataset changed: ventes.csv',
      'dataset added: autre.json',
      'dataset removed: objectifs.xlsx',
    ]);
  });
});

describe('kept evidence', () => {
  it('names what is wrong with a folder: missing, another format, unreadable JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mspr-kept-'));
    const why = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(MsprError);
        expect((error as MsprError).code).toBe('MSPR_REGRADE_NEEDS_RUN');
        return (error as MsprError).text.en;
      }
      throw new Error('no error');
    };
    expect(why(() => readKeptEvidence(dir, 'alpha'))).toBe(`Cannot re-grade team alpha: no kept evidence (${dir}).`);
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ version: 1, steps: [] }));
    expect(why(() => readKeptEvidence(dir, 'alpha'))).toBe('Cannot re-grade team alpha: evidence kept by another version of mspr-lab (format 1, expected 2).');
    writeFileSync(join(dir, 'run.json'), '{"version": 2, "ste');
    expect(why(() => readKeptEvidence(dir, 'alpha'))).toMatch(/^Cannot re-grade team alpha: kept evidence unreadable \(run\.json: .+\)\.$/);
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ version: 2, steps: [], inputs: {} }));
    expect(why(() => readKeptEvidence(dir, 'alpha'))).toBe('Cannot re-grade team alpha: the evidence’s workspace/ folder is missing.');
    mkdirSync(join(dir, 'workspace'));
    expect(why(() => readKeptEvidence(dir, 'alpha'))).toMatch(/^Cannot re-grade team alpha: kept evidence unreadable \(trace\.json: ENOENT/);
  });
});

// A real server: what a check asked during the run is answered after the server is gone, equal to the live
// answer (BigInt, Buffer, Date included); a question the run never asked is an error naming the call.
describeEachDatabase(['postgres', 'mysql'], 'server answers kept and replayed', (kind) => {
  let db: ScratchDatabase;
  beforeAll(async () => {
    db = await scratchDatabase(kind);
    const blob = kind === 'postgres' ? 'bytea' : 'blob';
    await db.exec([`CREATE TABLE ventes (id bigint PRIMARY KEY, jour date, photo ${blob}, montant numeric(8,2))`, kind === 'postgres' ? "INSERT INTO ventes VALUES (9007199254740993, '2026-06-01', '\\x0102', 12.5), (2, NULL, NULL, NULL)" : "INSERT INTO ventes VALUES (9007199254740993, '2026-06-01', x'0102', 12.5), (2, NULL, NULL, NULL)"]);
  }, 120_000);
  afterAll(() => db?.dispose());

  it('replays the answers the checks got, and refuses the others with MSPR_REGRADE_NEEDS_RUN', async () => {
    const { inspector, record } = recordingInspector(await db.inspect(), 'db');
    const live = { tables: await inspector.listTables(), count: await inspector.countRows('ventes'), rows: await inspector.readRows('ventes'), nulls: await inspector.nullCounts('ventes', ['jour', 'photo']) };
    await inspector.close();
    const kept = JSON.parse(JSON.stringify(record));
    const replay = replayInspector(kept, 'alpha');
    expect({ tables: await replay.listTables(), count: await replay.countRows('ventes'), rows: await replay.readRows('ventes'), nulls: await replay.nullCounts('ventes', ['jour', 'photo']) }).toEqual(live);
    await expect(replay.countRows('clients')).rejects.toMatchObject({ code: 'MSPR_REGRADE_NEEDS_RUN' });
    await expect(replay.readRows('ventes', { limit: 1 })).rejects.toThrow(/was not asked this during the run \(readRows \["ventes",\{"limit":1\}\]\), and the server is gone/);
  });
});
