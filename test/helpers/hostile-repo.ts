import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync as makeTemp, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { packagePath } from '../../runner/paths.js';

/**
 * Hostile candidate repositories for the end-to-end tests (test/cli/hostile-files.test.ts, and the docker
 * suite's twin): an ordinary little ML project whose last lines, at run time, plant what a hostile candidate
 * would — a link to a host file, a FIFO, a sparse giant — so the grader meets it only after the code ran.
 */

const created: string[] = [];
/** A temporary folder removed by `removeHostileFolders` (call it in `afterAll`). */
export function mkdtempSync(prefix: string): string {
  const dir = makeTemp(prefix);
  created.push(dir);
  return dir;
}

export function removeHostileFolders(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Host files a link could aim at, owned by whoever runs the tests (root in CI), mode 0600. */
export interface HostVictims {
  dir: string;
  /** A root-only SQLite database with a table whose name must never reach a report. */
  database: string;
  /** `{"rmse": …}` with a marker, the way a metrics file would look. */
  metrics: string;
  /** Valid trace lines carrying the marker. */
  trace: string;
  /** Appears in each host file; must appear in no report. */
  marker: string;
  /** Owner, mode and content of every host file, to compare before/after. */
  facts(): Record<string, { uid: number; gid: number; mode: number; content: string }>;
}

export function makeHostVictims(): HostVictims {
  const marker = `HOST-SECRET-${randomBytes(6).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'mspr-victim-'));
  const database = join(dir, 'host.db');
  const db = new Database(database);
  db.exec(`CREATE TABLE "${marker}_table" (v TEXT); INSERT INTO "${marker}_table" VALUES ('${marker}')`);
  db.close();
  const metrics = join(dir, 'metrics.json');
  writeFileSync(metrics, JSON.stringify({ rmse: 0.5, note: marker }), { mode: 0o600 });
  const trace = join(dir, 'events-1.jsonl');
  writeFileSync(trace, `${JSON.stringify({ type: 'tracer_start', seq: 1, ts: 1, pid: 1, tracer_version: marker, python: marker })}\n`, { mode: 0o600 });
  const facts = () =>
    Object.fromEntries(
      readdirSync(dir).map((name) => {
        const info = statSync(join(dir, name));
        return [name, { uid: info.uid, gid: info.gid, mode: info.mode & 0o7777, content: readFileSync(join(dir, name), 'latin1') }];
      }),
    );
  return { dir, database, metrics, trace, marker, facts };
}

/** What the pipeline does before its hostile last lines: a split, a metric, metrics.json, a SQLite table. */
const PIPELINE = `import json, os, sqlite3
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_squared_error

rows = list(range(100))
train, test = train_test_split(rows, test_size=0.2, random_state=0)
rmse = mean_squared_error([1.0, 2.0, 3.0], [1.5, 2.5, 3.5]) ** 0.5
print("train", len(train), "test", len(test), "rmse", rmse)
with open("metrics.json", "w") as handle:
    json.dump({"rmse": rmse}, handle)
db = sqlite3.connect("data.db")
db.execute("CREATE TABLE IF NOT EXISTS ventes (id INTEGER)")
db.execute("INSERT INTO ventes VALUES (1)")
db.commit()
db.close()
trace_dir = os.environ["MSPR_TRACE_DIR"]
# --- what a hostile candidate adds ---
`;

/** A candidate repository whose src/main.py ends with `act` (Python, at module level). */
export function hostileRepo(act: string, extraFiles: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'mspr-hostile-repo-'));
  const files: Record<string, string> = {
    'README.md': '# Projet MSPR\n\nLancer : `python src/main.py`\n',
    'requirements.txt': 'scikit-learn==1.2.1\n',
    'src/main.py': `${PIPELINE}${act.trim()}\n`,
    ...extraFiles,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export const HOSTILE_SCENARIO = packagePath('test/fixtures/scenarios/hostile-files.yaml');

/** Every report the run wrote, concatenated: what a jury (or a leak) would see. */
export function allReports(runDir: string | undefined): string {
  if (!runDir || !existsSync(runDir)) return '';
  return readdirSync(runDir)
    .filter((name) => name.startsWith('report.'))
    .map((name) => readFileSync(join(runDir, name), 'utf8'))
    .join('\n');
}

/** Where the peak-RSS probe (peak-rss.mjs) should write, and the environment that loads it into the CLI. */
export function peakRssProbe(): { env: Record<string, string>; readKb: () => number | undefined } {
  const file = join(mkdtempSync(join(tmpdir(), 'mspr-rss-')), 'max-rss-kb');
  const probe = packagePath('test/helpers/peak-rss.mjs');
  return {
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim(), MSPR_TEST_RSS_FILE: file },
    readKb: () => (existsSync(file) ? Number(readFileSync(file, 'utf8')) : undefined),
  };
}
