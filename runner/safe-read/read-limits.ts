const MiB = 1024 * 1024;

/**
 * How much of one candidate-produced file the grader reads, by kind. A file over its cap is refused by its
 * apparent size (`st_size`, so a sparse 2 GB file holding 4 kB counts as 2 GB) before a byte is read, and a
 * file that grows past it while being read is refused too: memory stays bounded whatever the candidate wrote.
 */
export interface ReadLimits {
  /** README, requirements, metrics/outputs JSON, source code, notebooks (`MSPR_MAX_TEXT_MB`, default 64). */
  textBytes: number;
  /** CSV/JSON/XLSX data sources handed to the frame reader (`MSPR_MAX_DATA_MB`, default 512). */
  dataBytes: number;
  /** A SQLite database, and each of its -wal/-journal files, copied before it is opened (`MSPR_MAX_DATABASE_MB`, default 2048). */
  databaseBytes: number;
  /** One trace file (`events-<pid>.jsonl`) of one step (`MSPR_MAX_TRACE_MB`, default 256). */
  traceBytes: number;
  /** One PNG/JPEG figure the team's code saved, shown as a thumbnail in the report (`MSPR_MAX_IMAGE_MB`, default 16). */
  imageBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  textBytes: 64 * MiB,
  dataBytes: 512 * MiB,
  databaseBytes: 2048 * MiB,
  traceBytes: 256 * MiB,
  imageBytes: 16 * MiB,
};

const ENV_NAMES: Record<keyof ReadLimits, string> = {
  textBytes: 'MSPR_MAX_TEXT_MB',
  dataBytes: 'MSPR_MAX_DATA_MB',
  databaseBytes: 'MSPR_MAX_DATABASE_MB',
  traceBytes: 'MSPR_MAX_TRACE_MB',
  imageBytes: 'MSPR_MAX_IMAGE_MB',
};

/** The setting that raises a cap, named in refusal messages so the user knows what to change. */
export function limitSetting(kind: keyof ReadLimits): string {
  return ENV_NAMES[kind];
}

/** Caps from the environment (MiB, positive numbers); anything unset or unusable keeps its default. */
export function readLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadLimits {
  const limits = { ...DEFAULT_READ_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as Array<keyof ReadLimits>) {
    const value = Number(env[ENV_NAMES[key]]);
    if (env[ENV_NAMES[key]] && Number.isFinite(value) && value > 0) limits[key] = Math.round(value * MiB);
  }
  return limits;
}
