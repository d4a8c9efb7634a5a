import { existsSync, readFileSync } from 'node:fs';
import type { CheckMeta } from '../../checks/check.js';
import type { Lang } from '../i18n.js';
import { packagePath } from '../paths.js';

const KINDS_FR: Record<string, string> = {
  trace: 'trace (observé pendant l’exécution)',
  artifact: 'fichiers produits',
  db: 'base de données (ouverte après l’exécution)',
  http: 'HTTP (application servie)',
  git: 'historique git',
  static: 'lecture du code (non observé)',
  step: 'étapes exécutées',
};

const TYPES_FR: Record<string, string> = { string: 'texte', array: 'liste', integer: 'entier', number: 'nombre', boolean: 'booléen', object: 'objet' };

/**
 * The documentation page `checks show` prints. English: `checks/<id>.md`. French: `checks/<id>.fr.md`, written by
 * hand for every check (test/checks/check-pages-fr.test.ts); a check scaffolded but not yet documented gets a
 * French page built from its own declarations (French title, criteria, options and every verdict message in
 * French), with a pointer to the English page. Both pages are in the npm package.
 */
export function checkPage(meta: CheckMeta, lang: Lang): string {
  const page = packagePath('checks', `${meta.id}${lang === 'fr' ? '.fr' : ''}.md`);
  if (existsSync(page)) {
    // The English pages' first line is `# id — titre / title`: the heading is said in the page's language only.
    const text = readFileSync(page, 'utf8').trimEnd().replace(/^# .*$/m, `# ${meta.id} — ${meta.title[lang]}`);
    return `${text}\n\n${optionsSchema(meta, lang)}`;
  }
  if (lang === 'en') return `${meta.id}\n\n${optionsSchema(meta, lang)}`;
  return `${frenchPage(meta)}\n${optionsSchema(meta, lang)}`;
}

function frenchPage(meta: CheckMeta): string {
  const lines = [`# ${meta.id} — ${meta.title.fr}`, '', `**Critères :** ${meta.criteria.join(', ') || '—'}`, `**Preuves :** ${meta.evidence.map((k) => KINDS_FR[k] ?? k).join(', ')}`, ''];
  const properties = (meta.options.properties ?? {}) as Record<string, { type?: unknown; default?: unknown }>;
  if (Object.keys(properties).length > 0) {
    lines.push('## Options', '| option | type | par défaut |', '|---|---|---|');
    for (const [name, schema] of Object.entries(properties)) {
      lines.push(`| \`${name}\` | ${TYPES_FR[String(schema.type)] ?? String(schema.type ?? '—')} | ${schema.default === undefined ? '—' : `\`${JSON.stringify(schema.default)}\``} |`);
    }
    lines.push('');
  }
  lines.push('## Verdicts et messages', '');
  for (const [key, message] of Object.entries(meta.messages)) lines.push(`- \`${key}\` — ${pluralShown(message.fr)}`);
  lines.push('', `Page détaillée (en anglais) : \`mspr-lab checks show ${meta.id} --lang en\`.`, '');
  return lines.join('\n');
}

/** A page shows the plural form of `{n|one|other}` (the count it stands for is not known). */
function pluralShown(template: string): string {
  return template.replace(/\{(\w+)\|((?:[^{}|]|\{\w+\})*)\|((?:[^{}|]|\{\w+\})*)\}/g, '$3');
}

function optionsSchema(meta: CheckMeta, lang: Lang): string {
  return `${lang === 'fr' ? 'Schéma des options :' : 'Options schema:'}\n${JSON.stringify(meta.options, null, 2)}\n`;
}
