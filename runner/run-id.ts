import { randomBytes } from 'node:crypto';

/** Sortable, readable and unique: `20261122-104512-cdp-data-ia-bloc1-7f3a`. */
export function newRunId(scenarioId: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${scenarioId.slice(0, 40)}-${randomBytes(2).toString('hex')}`;
}
