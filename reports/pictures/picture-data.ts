import type { CodeLocation, Evidence, Verdict } from '../../checks/verdict.js';

/** The train/test split a train-share check measured, against its threshold. */
export interface SplitPicture {
  train: number;
  test: number;
  ratio: number;
  min: number;
  passed: boolean;
}

/** A metric the team reported beside the value the run measured. */
export interface MetricPicture {
  label: string;
  reported: number;
  measured: number;
}

/** One source's rows: read, dropped on the way (by the steps the trace saw), loaded into its table. */
export interface RowsPicture {
  source: string;
  table: string;
  sourceRows: number;
  dropped: number;
  loaded: number | null;
}

/** A chart the team's code drew: its kind and what the trace knows of its title, axes and saved file. */
export interface FigurePicture {
  kind: string;
  title: string | null;
  xlabel: string | null;
  ylabel: string | null;
  /** The columns plotted, when the trace knows them (not the axis labels). */
  x: string | null;
  y: string | null;
  file: string | null;
  location?: CodeLocation;
}

export interface Pictures {
  split?: SplitPicture;
  metrics: MetricPicture[];
  rows: RowsPicture[];
  figures: FigurePicture[];
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** What the report's verdicts measured that reads better as a picture; only what was observed, never guessed. */
export function picturesOf(verdicts: readonly Verdict[]): Pictures {
  return { split: splitOf(verdicts), metrics: metricsOf(verdicts), rows: rowsOf(verdicts), figures: figuresOf(verdicts) };
}

function splitOf(verdicts: readonly Verdict[]): SplitPicture | undefined {
  for (const verdict of verdicts) {
    const share = verdict.evidence.find((e) => e.subject === 'train share' && num(e.data?.train) !== undefined && num(e.data?.test) !== undefined);
    const min = Number(/^>=\s*([\d.]+)$/.exec(String(share?.expected ?? ''))?.[1]);
    if (!share || !Number.isFinite(min)) continue;
    const train = num(share.data!.train)!;
    const test = num(share.data!.test)!;
    if (train + test <= 0) continue;
    return { train, test, ratio: train / (train + test), min, passed: verdict.status === 'pass' };
  }
  return undefined;
}

function metricsOf(verdicts: readonly Verdict[]): MetricPicture[] {
  return verdicts
    .filter((v) => v.checkId === 'ml/metrics-reported')
    .flatMap((v) => v.evidence)
    .filter((e) => e.kind === 'artifact' && num(e.actual) !== undefined && num(e.expected) !== undefined)
    .map((e) => ({ label: e.subject, reported: e.actual as number, measured: e.expected as number }));
}

function rowsOf(verdicts: readonly Verdict[]): RowsPicture[] {
  const out: RowsPicture[] = [];
  for (const verdict of verdicts.filter((v) => v.checkId === 'db/rows-match-source')) {
    const dropped = (source: string) => verdict.evidence.filter((e) => e.subject === `dropped from ${source}`).reduce((sum, e) => sum + (num(e.actual) ?? 0), 0);
    for (const e of verdict.evidence) {
      const source = str(e.data?.source);
      if (!e.subject.startsWith('table ') || !source || num(e.expected) === undefined) continue;
      out.push({ source, table: e.subject.slice('table '.length), sourceRows: e.expected as number, dropped: dropped(source), loaded: num(e.actual) ?? null });
    }
  }
  return out;
}

function figuresOf(verdicts: readonly Verdict[]): FigurePicture[] {
  const seen = new Map<string, FigurePicture>();
  for (const e of verdicts.filter((v) => v.checkId.startsWith('viz/')).flatMap((v) => v.evidence)) {
    if (e.kind !== 'trace' || !/ (chart|heatmap)$/.test(e.subject)) continue;
    const key = e.location ? `${e.location.file}:${e.location.line ?? ''}:${e.location.cell ?? ''}` : `${seen.size}`;
    const known = seen.get(key);
    const next = figureOf(e);
    // Several checks see the same chart: keep what any of them knows (the readable check knows title and axes).
    seen.set(key, known ? merge(known, next) : next);
  }
  return [...seen.values()].slice(0, 12);
}

function figureOf(e: Evidence): FigurePicture {
  const data = e.data ?? {};
  return {
    kind: e.subject.replace(/ (chart|heatmap)$/, (_, word: string) => (word === 'heatmap' ? ' heatmap' : '')),
    // viz/readable's passing facts carry the title as their found value, beside the axis labels.
    title: 'title' in data ? str(data.title) : 'xlabel' in data ? str(e.actual) : null,
    xlabel: str(data.xlabel),
    ylabel: str(data.ylabel),
    x: str(data.x),
    y: str(data.y),
    file: str(data.file),
    ...(e.location ? { location: e.location } : {}),
  };
}

function merge(a: FigurePicture, b: FigurePicture): FigurePicture {
  return { ...a, kind: a.kind || b.kind, title: a.title ?? b.title, xlabel: a.xlabel ?? b.xlabel, ylabel: a.ylabel ?? b.ylabel, x: a.x ?? b.x, y: a.y ?? b.y, file: a.file ?? b.file };
}
