/**
 * Labels on every container, network and image mspr-lab creates. `managed` lets `mspr-lab cleanup` find
 * everything after a crash without touching the user's own resources; `run` scopes a disposal to one run.
 */
export const LABEL_MANAGED = 'mspr-lab.managed';
export const LABEL_RUN = 'mspr-lab.run';
/** `sandbox` for the candidate's container, `install` for the one installing its requirements, `service` for databases, `network` for networks. */
export const LABEL_ROLE = 'mspr-lab.role';
/** On images: which recipe built it (`python`, `postgres`, `mariadb`). */
export const LABEL_IMAGE = 'mspr-lab.image';

export type ResourceRole = 'sandbox' | 'install' | 'service' | 'network';

/** The labels of one resource belonging to a run. */
export function runLabels(runId: string, role: ResourceRole, extra: Record<string, string> = {}): Record<string, string> {
  return { [LABEL_MANAGED]: 'true', [LABEL_RUN]: runId, [LABEL_ROLE]: role, ...extra };
}

/** A docker `filters` query selecting mspr-lab's resources, optionally of one run only. */
export function managedFilter(runId?: string): { label: string[] } {
  const label = [`${LABEL_MANAGED}=true`];
  if (runId) label.push(`${LABEL_RUN}=${runId}`);
  return { label };
}

/**
 * Docker names allow `[a-zA-Z0-9][a-zA-Z0-9_.-]`; run ids come from the orchestrator and may hold anything
 * (timestamps with colons, team names with accents), so names are derived, never taken as is.
 */
export function resourceName(runId: string, suffix: string): string {
  const safe = runId.normalize('NFKD').replace(/[^a-zA-Z0-9_.-]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return `mspr-${safe.slice(0, 60) || 'run'}-${suffix}`;
}
