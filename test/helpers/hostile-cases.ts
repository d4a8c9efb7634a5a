import type { HostVictims } from './hostile-repo.js';

/** One reproduction of issue 9 (classes 1 and 2): what the code plants, and the verdict that must contain it. */
export interface HostileCase {
  name: string;
  /** Python appended to the pipeline, run at module level with `trace_dir` = $MSPR_TRACE_DIR. */
  act: (victims: HostVictims) => string;
  files?: Record<string, string>;
  /** The verdict that meets the planted file: `error`, with a message naming the file and the reason. */
  verdict: { id: string; message: RegExp };
  /** Bound the grader's peak memory (kB) in this case. */
  boundMemory?: boolean;
}

const DECLARED_DB = 'databases:\n  db: data.db\n';

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'requirements.txt → /etc/shadow',
    act: () => 'os.remove("requirements.txt")\nos.symlink("/etc/shadow", "requirements.txt")',
    verdict: { id: 'repo/files-present', message: /File refused: "requirements\.txt" is a symbolic link leading outside the repository \(to \/etc\/shadow\); the grader does not follow it\./ },
  },
  {
    name: 'data.db → a root-only host SQLite file',
    act: (v) => `os.remove("data.db")\nos.symlink(${JSON.stringify(v.database)}, "data.db")`,
    files: { 'mspr.yaml': DECLARED_DB },
    verdict: { id: 'db/reachable', message: /File refused: "data\.db" is a symbolic link leading outside the repository \(to .*host\.db\)/ },
  },
  {
    name: 'metrics.json → a host file',
    act: (v) => `os.remove("metrics.json")\nos.symlink(${JSON.stringify(v.metrics)}, "metrics.json")`,
    verdict: { id: 'ml/metrics-reported', message: /File refused: "metrics\.json" is a symbolic link leading outside the repository/ },
  },
  {
    name: 'a trace file → a host file',
    act: (v) => `os.symlink(${JSON.stringify(v.trace)}, os.path.join(trace_dir, "events-1.jsonl"))`,
    verdict: { id: 'ml/train-test-split', message: /Execution trace unusable: File refused: "01-pipeline_src_main\.py\/events-1\.jsonl" is a symbolic link \(to .*events-1\.jsonl\)/ },
  },
  {
    name: 'metrics.json → /dev/zero',
    act: () => 'os.remove("metrics.json")\nos.symlink("/dev/zero", "metrics.json")',
    verdict: { id: 'ml/metrics-reported', message: /File refused: "metrics\.json" is a symbolic link leading outside the repository \(to \/dev\/zero\)/ },
    boundMemory: true,
  },
  {
    name: 'a sparse 1.9 GB README.md',
    act: () => 'with open("README.md", "r+b") as handle:\n    handle.truncate(1_900_000_000)',
    verdict: { id: 'repo/files-present', message: /File refused: "README\.md" is 1812\.0 MiB \(apparent size\), over the 64\.0 MiB limit for text files .*MSPR_MAX_TEXT_MB/ },
    boundMemory: true,
  },
  {
    name: 'a FIFO in the trace folder',
    act: () => 'os.mkfifo(os.path.join(trace_dir, "events-999.jsonl"))',
    verdict: { id: 'ml/train-test-split', message: /Execution trace unusable: File refused: "01-pipeline_src_main\.py\/events-999\.jsonl" is a named pipe \(FIFO\), not a regular file/ },
  },
  {
    name: 'a FIFO at the declared output path (mspr.yaml outputs:)',
    act: () => 'os.makedirs("out", exist_ok=True)\nos.mkfifo("out/metrics.json")',
    files: { 'mspr.yaml': 'outputs:\n  metrics: out/metrics.json\n' },
    verdict: { id: 'ml/metrics-reported', message: /File refused: "out\/metrics\.json" is a named pipe \(FIFO\), not a regular file; the grader does not open it\./ },
  },
];

/** Every check passes when nothing hostile is planted: the errors above come from the planted files alone. */
export const CONTROL_VERDICTS = { 'repo/files-present': 'pass', 'steps/succeeded': 'pass', 'db/reachable': 'pass', 'ml/train-test-split': 'pass', 'ml/metrics-reported': 'pass' };
