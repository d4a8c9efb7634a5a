import type { WorkspaceFiles } from '../evidence/workspace-files.js';
import type { StepRecord } from '../steps/step-record.js';
import type { TraceEvent } from '../tracer/trace-event.js';
import { traceEventProblems } from '../tracer/trace-validation.js';
import { NO_STATIC_FACTS, staticFacts, type StaticFacts, type StaticReading } from './static-facts.js';
import { runStaticReader } from './run-reader.js';
import { staticSources } from './static-sources.js';
import { stoppedSteps } from './stopped-steps.js';

export interface StaticReadOptions {
  workspace: WorkspaceFiles;
  steps: readonly StepRecord[];
  /** The grader's interpreter (the host's: the reader needs only the standard library). */
  python: string;
}

/**
 * The static reading stage, after the steps: when a step stopped (failed, timed out, could not start), the team's
 * code is read instead of run, for the checks to judge what the run could not show.
 *
 * How the facts are trusted: they never pass through a place the team's code could write. The grader reads the
 * sources itself (safe reader, capped), hands the texts to the reader on stdin and takes the facts from its stdout;
 * the reader runs on the grader’s side with `python -I -S -B` (no site-packages, no `.pth`, no PYTHONPATH, no script
 * folder on the path: nothing of the team's is importable), from the grader's folder, parses with `ast` and
 * executes nothing. So no seal is needed: there is no file to forge and no key to steal.
 */
export async function readStaticFacts(options: StaticReadOptions): Promise<StaticFacts> {
  const stopped = stoppedSteps(options.steps);
  if (stopped.length === 0) return NO_STATIC_FACTS;
  const { files, problems } = staticSources(options.workspace);
  const entries = stopped
    .filter((step) => step.entry === undefined || step.entry in files)
    .map((step) => ({ step: step.id, entry: step.entry ?? null }));
  if (entries.length === 0 || Object.keys(files).length === 0) return { ...NO_STATIC_FACTS, problems };
  const answer = await runStaticReader(options.python, { files, entries, limits: { maxNodes: 400_000, maxSeconds: 10 } });
  if (answer.failure !== undefined) return { ...NO_STATIC_FACTS, problems: [...problems, answer.failure] };
  return parseResponse(answer.stdout, problems);
}

function parseResponse(stdout: string, problems: string[]): StaticFacts {
  let response: { entries?: Array<{ step?: unknown; entry?: unknown; files?: unknown; events?: unknown }>; problems?: unknown };
  try {
    response = JSON.parse(stdout);
  } catch (error) {
    return { ...NO_STATIC_FACTS, problems: [...problems, `static reader answered no JSON: ${(error as Error).message}`] };
  }
  const all = [...problems, ...(Array.isArray(response.problems) ? response.problems.map(String) : [])];
  const readings: StaticReading[] = [];
  for (const item of response.entries ?? []) {
    const step = String(item.step);
    const events: TraceEvent[] = [];
    for (const event of Array.isArray(item.events) ? item.events : []) {
      const invalid = traceEventProblems(event);
      if (invalid.length > 0 || (event as { observed?: unknown }).observed !== false) {
        all.push(`${String(item.entry)}: static fact skipped: ${invalid.join('; ') || 'not marked observed: false'}`);
        continue;
      }
      events.push({ ...(event as TraceEvent), step });
    }
    readings.push({ step, entry: String(item.entry), files: Array.isArray(item.files) ? item.files.map(String) : [], events });
  }
  return staticFacts(readings, all);
}
