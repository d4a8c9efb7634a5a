import type { CheckContext, CheckOutcome } from '../../check.js';
import type { Localized } from '../../../runner/i18n.js';
import type { DbInspector } from '../../../runner/evidence/db/db-inspector.js';
import { dataFacts } from '../../data/support/data-facts.js';
import type { Mapping } from '../../data/support/source-files.js';
import { NO_LINKS, noLinks } from '../../data/support/lineage/no-links.js';
import { sourceMappings, type SourceMapping } from '../../data/support/lineage/source-mappings.js';
import { NO_TRACE } from '../../support/trace-support.js';
import { type ColumnPair, mappedColumns } from './mapped-columns.js';
import { databaseOrOutcome, NO_DATABASE } from './open-database.js';

/** Messages every check comparing source columns with table columns owes when it could compare none. */
export const NOTHING_COMPARED: Record<'noTrace' | 'noLinks' | 'noDatabase' | 'missingTables' | 'noColumns', Localized> = {
  ...NO_TRACE,
  ...NO_LINKS,
  ...NO_DATABASE,
  missingTables: {
    fr: 'Tables absentes de la base {database} : {tables} (tables présentes : {found}). Attendu : chaque source chargée dans sa table (C1.9) ; vérifiez le nom des tables et que le chargement a réussi.',
    en: 'Tables missing from database {database}: {tables} (found: {found}). Expected: each source loaded into its table (C1.9); check the table names and that the load succeeded.',
  },
  noColumns: {
    fr: 'Aucune colonne des sources ({sources}) ne se retrouve dans les tables ({tables}) : rien n’a pu être comparé. Si les colonnes ont été renommées sans que la trace le montre, donnez la correspondance dans le scénario (mappings[].columns).',
    en: 'No source column ({sources}) is found in the tables ({tables}): nothing could be compared. If the columns were renamed where the trace does not show it, give the correspondence in the scenario (mappings[].columns).',
  },
};

/**
 * The source/table column pairs a check compares, or the outcome to return when there are none: no trace and no
 * mapping (`noTrace`), no link (`noLinks`), no database (`noDatabase`), a mapped table missing (`missingTables`), no column paired
 * (`noColumns`). Each is `fail`: the criterion needs those tables and columns, and nothing was compared.
 */
export async function comparedColumns(ctx: CheckContext<{ service?: string; mappings?: Mapping[] }>): Promise<{ db: DbInspector; pairs: ColumnPair[]; mappings: SourceMapping[] } | { outcome: CheckOutcome<keyof typeof NOTHING_COMPARED> }> {
  if (!ctx.options.mappings?.length && !ctx.trace.available) return { outcome: { status: 'fail', message: 'noTrace' } };
  const mappings = await sourceMappings(ctx, ctx.options.mappings, ctx.options.service);
  if (mappings.length === 0) return { outcome: noLinks(ctx) };
  const opened = await databaseOrOutcome(ctx, ctx.options.service);
  if ('outcome' in opened) return opened;
  const db = opened.db;
  const { pairs, missingTables } = await mappedColumns(ctx, db, mappings);
  if (missingTables.length > 0) {
    const found = await db.listTables();
    return {
      outcome: {
        status: 'fail',
        message: 'missingTables',
        params: { database: db.label, tables: missingTables.join(', '), found: found.join(', ') || '∅' },
        evidence: missingTables.map((table) => ({ kind: 'db' as const, subject: `table ${table}`, expected: 'present', actual: null, data: { tablesFound: found } })),
      },
    };
  }
  if (pairs.length === 0) {
    const sources = [...new Set(mappings.map((m) => m.source))].join(', ');
    return { outcome: { status: 'fail', message: 'noColumns', params: { sources, tables: [...new Set(mappings.map((m) => m.table))].join(', ') }, evidence: [{ kind: 'db', subject: db.label, expected: 'column pairs', actual: 0, data: { traced: ctx.trace.available ? dataFacts(ctx.trace).writes.length : 0 } }] } };
  }
  return { db, pairs, mappings };
}
