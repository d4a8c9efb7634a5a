import { t } from '../../../../runner/i18n.js';
import type { TraceEvent } from '../../../../runner/tracer/trace-event.js';
import type { Evidence } from '../../../verdict.js';
import { locationOf, where } from '../../../support/trace-support.js';
import type { SourceMapping } from './source-mappings.js';
import type { TableLink } from './table-links.js';

const WORDS = {
  fr: { lookup: ' (jointe)', columns: ' (rapprochée par les colonnes)' },
  en: { lookup: ' (merged in)', columns: ' (matched by columns)' },
} as const;

/** `ventes ← data/raw/ventes.csv via merge etl.py:44, to_sql etl.py:61` — a link as the report states it. */
export function linkText(link: TableLink, lang: 'fr' | 'en' = 'en'): string {
  const via = link.via.map((event) => `${callName(event)} ${where(event)}`);
  const how = link.found === 'columns' ? WORDS[lang].columns : '';
  const part = link.role === 'lookup' ? WORDS[lang].lookup : '';
  return `${link.table} ← ${link.source}${part} via ${via.join(', ')}${how}`;
}

/** One evidence item per link the check inferred from the trace (none for the scenario's own mappings). */
export function inferredLinksEvidence(mappings: readonly SourceMapping[]): Evidence[] {
  return mappings.flatMap((mapping) => {
    const link = mapping.link;
    if (!mapping.inferred || !link) return [];
    const write = link.via.at(-1);
    const location = write ? locationOf(write) : undefined;
    return [
      {
        kind: 'trace' as const,
        subject: `link ${link.table} ← ${link.source}`,
        ...(location ? { location } : {}),
        actual: linkText(link),
        data: { table: link.table, source: link.source, role: link.role, found: link.found, columns: link.columns, ...(link.drops.length > 0 ? { removed: link.drops.reduce((n, d) => n + (d.removed ?? 0), 0) } : {}) },
        note: t('Lien déduit de la trace (le scénario ne donne pas de « mappings »).', 'Link inferred from the trace (the scenario gives no "mappings").'),
      },
    ];
  });
}

/** The call as the team wrote it: `columns=` for `df.columns = …`, the function name otherwise. */
function callName(event: TraceEvent): string {
  if (event.type === 'frame_derive' && event.function === 'columns') return 'columns=';
  if (event.type === 'sql') return String(event.verb ?? 'SQL');
  return String(event.function ?? event.operation ?? event.type);
}
