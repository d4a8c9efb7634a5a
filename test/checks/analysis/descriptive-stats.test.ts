import check from '../../../checks/analysis/descriptive-stats.js';
import { testCheck } from '../../../checks/tester.js';
import { DataTrace } from '../data/support/data-trace.js';

const stat = (t: DataTrace, line: number, fn: string, columns: string[], extra: Record<string, unknown> = {}) => t.add('stats', { function: fn, on: columns.length === 1 ? 'series' : 'frame', input: t.frame(columns, 1960), ...extra }, line);

testCheck(check, {
  valid: [
    {
      name: 'describe() on the numbers, value_counts() on the channel',
      evidence: () => {
        const t = new DataTrace();
        stat(t, 10, 'describe', ['quantite', 'prix_unitaire'], { out: 'o9', shape: [8, 2], rows: ['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max'] });
        stat(t, 11, 'value_counts', ['canal'], { modalities: 3 });
        return { trace: t.index() };
      },
      expect: { status: 'pass', message: 'pass', includes: ['quartiles (describe etl.py:10)', 'frequencies of modalities (value_counts etl.py:11)'], includesFr: ['fréquences des modalités (value_counts etl.py:11)'], evidence: [{ subject: 'quartiles', actual: 'describe', location: { file: 'etl.py', line: 10 } }] },
    },
    {
      name: 'mean() and quantile([.25, .5, .75]) one by one',
      evidence: () => {
        const t = new DataTrace();
        stat(t, 20, 'mean', ['quantite']);
        stat(t, 21, 'quantile', ['quantite'], { options: { q: [0.25, 0.5, 0.75] } });
        stat(t, 22, 'value_counts', ['magasin'], { modalities: 5 });
        return { trace: t.index() };
      },
      expect: { status: 'pass', message: 'pass', includes: ['median (quantile etl.py:21)'], includesFr: ['médiane (quantile etl.py:21)'] },
    },
  ],
  invalid: [
    {
      name: 'only means and medians: no quartiles, no frequencies',
      evidence: () => {
        const t = new DataTrace();
        stat(t, 20, 'mean', ['quantite']);
        stat(t, 21, 'median', ['quantite']);
        return { trace: t.index() };
      },
      expect: { status: 'fail', message: 'fail', includes: ['Statistics missing: quartiles, frequencies of modalities'], score: 0.5, evidence: [{ subject: 'quartiles', actual: null }] },
    },
  ],
});
