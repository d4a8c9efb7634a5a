/** A notebook's cells as the dashboard check needs them: kind and text, with code cells' 1-based index. */
export interface NotebookCell {
  kind: 'code' | 'markdown' | 'other';
  text: string;
  /** 1-based among code cells (the trace's `site.cell`); undefined for other cells. */
  codeIndex?: number;
}

/** The cells of a notebook's JSON text; an unreadable notebook has none. */
export function notebookCells(json: string): NotebookCell[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  const cells = (value as { cells?: unknown })?.cells;
  if (!Array.isArray(cells)) return [];
  let code = 0;
  return cells.map((cell): NotebookCell => {
    const type = (cell as { cell_type?: unknown })?.cell_type;
    const source = (cell as { source?: unknown })?.source;
    const text = Array.isArray(source) ? source.filter((line) => typeof line === 'string').join('') : typeof source === 'string' ? source : '';
    if (type === 'code') return { kind: 'code', text, codeIndex: ++code };
    return { kind: type === 'markdown' ? 'markdown' : 'other', text };
  });
}

/** A description: a markdown cell holding prose (a sentence of three words or more), and whether it has a title. */
export function describes(cell: NotebookCell | undefined): { title: boolean; text: boolean } {
  if (!cell || cell.kind !== 'markdown') return { title: false, text: false };
  const lines = cell.text.split('\n').map((line) => line.trim()).filter(Boolean);
  const title = lines.some((line) => /^#{1,6}\s+\S/.test(line));
  const text = lines.some((line) => !/^#{1,6}\s/.test(line) && line.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 3);
  return { title, text };
}
