/** The six columns cdp-data-ia C2.7 asks of the troubleshooting log, and how teams usually title them. */
export type LogColumn = 'index' | 'problemDate' | 'label' | 'resolutionDate' | 'url' | 'description';

export const LOG_COLUMNS: LogColumn[] = ['index', 'problemDate', 'label', 'resolutionDate', 'url', 'description'];

export const COLUMN_NAMES: Record<LogColumn, string> = {
  index: 'index',
  problemDate: 'date du problème / problem date',
  label: 'libellé / label',
  resolutionDate: 'date de résolution / resolution date',
  url: 'URL',
  description: 'description',
};

/** Header text without case, accents or punctuation: "Date de résolution" → "date de resolution". */
export function normalizeHeader(text: unknown): string {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9#°]+/g, ' ')
    .trim();
}

/** Column index of each expected column in a header row, matching dates first (their titles name a problem too). */
export function matchColumns(header: unknown[]): Partial<Record<LogColumn, number>> {
  const names = header.map(normalizeHeader);
  const found: Partial<Record<LogColumn, number>> = {};
  const take = (column: LogColumn, test: (name: string) => boolean) => {
    const index = names.findIndex((name, i) => name && test(name) && !Object.values(found).includes(i));
    if (index >= 0) found[column] = index;
  };
  take('resolutionDate', (n) => /resol|clotur|closed|fixed|solved|date de fin|date fin/.test(n) && !/url|lien|link|descri/.test(n));
  take('problemDate', (n) => /date|jour/.test(n));
  take('url', (n) => /url|lien|link|site|source|reference/.test(n));
  take('index', (n) => /^(index|indice|n|no|n°|num|numero|id|#|ref)$/.test(n) || /^(index|numero|n°)\b/.test(n));
  take('label', (n) => /libelle|intitule|label|titre|title|problem|probleme|sujet|issue/.test(n));
  take('description', (n) => /descri|solution|detail|resume|comment|explication|correctif/.test(n));
  return found;
}
