import { describe, expect, it } from 'vitest';
import { docPageProblems } from '../../checks/tester/doc-page.js';
import { outcomeProblems, templateProblems } from '../../checks/tester/message-rules.js';
import { passProblems, tableProblems } from '../../checks/tester/table-rules.js';
import { t } from '../../runner/i18n.js';

// Seeded mistakes: each rule of the strict tester (checks/tester.ts) on a check written wrong on purpose, with
// the exact problem it must report, and the same check written right, which must report none.
const meta = {
  messages: {
    pass: t('{rows} lignes lues ({where}).', '{rows} rows read ({where}).'),
    fail: t('Aucune ligne lue : {reason}.', 'No row read: {reason}.'),
  },
};

describe('strict tester: messages', () => {
  it('a right outcome has no problem', () => {
    expect(outcomeProblems(meta, { message: 'pass', params: { rows: 100, where: 'etl.py:12' } })).toEqual([]);
    expect(outcomeProblems(meta, { message: 'fail', params: { reason: t('le fichier est vide', 'the file is empty') } })).toEqual([]);
  });

  it('a French message receiving English words', () => {
    expect(outcomeProblems(meta, { message: 'fail', params: { reason: t('100 rows per call', '100 rows per call') } })).toEqual([
      'messages.fail: parameter {reason}: its fr side "100 rows per call" holds English words (rows, per, call)',
    ]);
  });

  it('a plain parameter holding words (either language)', () => {
    expect(outcomeProblems(meta, { message: 'fail', params: { reason: 'column absent' } })).toEqual([
      'messages.fail: parameter {reason} = "column absent" holds words (column, absent): words belong in the templates (fr and en); a parameter carries names, numbers and code — or pass a Localized { fr, en } pair',
    ]);
  });

  it('names, numbers and code are not words', () => {
    expect(outcomeProblems(meta, { message: 'pass', params: { rows: 3, where: 'analyse.ipynb#3:2 prix_unitaire fit/predict "the column"' } })).toEqual([]);
  });

  it('an unknown message key', () => {
    expect(outcomeProblems(meta, { message: 'pas', params: {} })).toEqual(['unknown message key "pas" (keys: pass, fail)']);
  });

  it('a placeholder left unfilled and a parameter never used', () => {
    expect(outcomeProblems(meta, { message: 'pass', params: { rows: 100, file: 'etl.py' } })).toEqual([
      'messages.pass: placeholder {where} left unfilled (no parameter "where")',
      'messages.pass: parameter "file" is never used by the template',
    ]);
  });

  it('templates: a placeholder in one language only, a side in the other language, an empty side', () => {
    expect(templateProblems({ pass: t('{rows} lignes.', '{rows} rows in {file}.'), fail: t('No row was read.', ''), ok: t('Rien.', 'Nothing.') })).toEqual([
      'messages.pass: {file} only in en',
      'messages.fail.en is empty',
      'messages.fail: fr holds English words (No, row, was, read)',
    ]);
  });
});

describe('strict tester: doc page', () => {
  const page = (verdicts: string) => `# x/y — Titre / Title\n\n## What it checks\nSomething.\n\n## Verdicts\n${verdicts}\n`;

  it('a page listing exactly the keys has no problem', () => {
    expect(docPageProblems(page('- **pass** (`pass`) — read.\n- **fail** (`fail`) — nothing read.'), ['pass', 'fail'])).toEqual([]);
  });

  it('a page listing a key that does not exist, and leaving one out', () => {
    expect(docPageProblems(page('- **pass** (`pass`) — read.\n- **fail** (`empty`) — nothing read.'), ['pass', 'fail'])).toEqual([
      '"Verdicts" lists `empty`, which is not a message key (keys: pass, fail)',
      '"Verdicts" does not list `fail` (write **status** (`fail`) — what it means)',
    ]);
  });

  it('a French page: French statuses, a status ending a line and its key opening the next', () => {
    expect(docPageProblems(page('- **réussi** (`pass`) — lu ; **échec**\n  (`fail`) — rien lu.'), ['pass', 'fail'])).toEqual([]);
    expect(docPageProblems(page('- **réussi** (`pass`) — lu.\n- **non évalué** (`vide`) — rien lu.'), ['pass', 'fail'])).toEqual([
      '"Verdicts" lists `vide`, which is not a message key (keys: pass, fail)',
      '"Verdicts" does not list `fail` (write **status** (`fail`) — what it means)',
    ]);
  });

  it('a page with no Verdicts section', () => {
    expect(docPageProblems('# x/y\n\nIt checks things.\n', ['pass'])).toEqual(['no "## Verdicts" section listing the verdicts as **status** (`key`)']);
  });
});

describe('strict tester: the table and what a pass shows', () => {
  const pass = { name: 'read', expect: { status: 'pass' as const, message: 'pass', evidence: [{ subject: 'data/ventes.csv' }] } };
  const fail = { name: 'unread', expect: { status: 'fail' as const, message: 'fail', evidence: [{ subject: 'data/ventes.csv' }] } };

  it('a must-pass and a must-fail case with keys and evidence has no problem', () => {
    expect(tableProblems({ valid: [pass], invalid: [fail] })).toEqual([]);
  });

  it('no must-fail case (a skip is not one), a case without its message key, no pinned evidence', () => {
    const skip = { name: 'no trace', expect: { status: 'skip' as const } };
    expect(tableProblems({ valid: [{ name: 'read', expect: { status: 'pass' } }], invalid: [skip] })).toEqual([
      'no invalid case that fails or warns: add one (the evidence of a repository that misses the criterion)',
      'case "read": name its message key (expect.message), not only its status',
      'case "no trace": name its message key (expect.message), not only its status',
      'no valid case states its evidence (expect.evidence): pin what a passing verdict shows',
    ]);
  });

  it('a check that compared nothing never passes', () => {
    expect(passProblems({ status: 'pass', evidence: [] })).toEqual([
      'a pass with no evidence: a check that compared nothing never passes (return the facts it compared, or skip/fail when there was nothing to compare)',
    ]);
    expect(passProblems({ status: 'pass', evidence: [{ kind: 'trace', subject: 'fit' }] })).toEqual(['a pass whose evidence states neither `actual` nor `expected`: say what was compared']);
    expect(passProblems({ status: 'pass', evidence: [{ kind: 'db', subject: 'table ventes', expected: 2000, actual: 2000 }] })).toEqual([]);
    expect(passProblems({ status: 'fail', evidence: [] })).toEqual([]);
  });
});
