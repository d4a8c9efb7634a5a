import { describe, expect, it } from 'vitest';
import readable from '../../checks/viz/readable.js';
import scatter from '../../checks/viz/scatter.js';
import { evaluateCheck } from '../../checks/tester.js';
import { MISSING_DATA, readCode, stepOf, writeRepo } from './support/read-code.js';

/** An analysis whose data file is git-ignored: the script stops at read_csv, its charts are read in the code. */
const ANALYSE = (ylabel: string) => `
import pandas as pd
import matplotlib.pyplot as plt

ventes = pd.read_csv("data/ventes.csv", sep=";")
fig, ax = plt.subplots()
ax.scatter(ventes["prix"], ventes["quantite"])
ax.set_title("Prix et quantités")
ax.set_xlabel("Prix (€)")
${ylabel}
fig.savefig("out/prix.png")

plt.figure()
plt.hist(ventes["prix"], bins=20)
plt.title("Distribution des prix")
plt.xlabel("Prix (€)")
plt.ylabel("Ventes")
plt.savefig("out/hist.png")
`;

async function judged(check: typeof readable | typeof scatter, ylabel: string) {
  const root = writeRepo({ 'analyse.py': ANALYSE(ylabel), '.gitignore': 'data/\n' });
  return evaluateCheck(check, { evidence: await readCode(root, [stepOf('analyse.py', MISSING_DATA)]) });
}

describe('chart checks on code that could not run (data git-ignored): read in the code, marked static', () => {
  it('viz/readable: every chart named in the code → pass, said to be read in the code', async () => {
    const verdict = await judged(readable, 'ax.set_ylabel("Quantité")');
    expect(`${verdict.status} ${verdict.messageKey}`, verdict.message.en).toBe('pass pass');
    expect(verdict.static).toBe(true);
    expect(verdict.message.en).toBe('Read in the code, not observed when run: all 2 charts have a title and named axes. (Not run: step pipeline:analyse.py: the code reads data/ventes.csv, which the repository lacks.)');
    expect(verdict.message.fr).toMatch(/^Lu dans le code, non observé à l’exécution : les 2 graphiques ont un titre et des axes nommés\./);
    expect(verdict.evidence.filter((e) => e.kind === 'static').map((e) => e.location?.line)).toEqual([7, 14]);
  });

  it('viz/readable: a chart without its y label → fail, static, at its line', async () => {
    const verdict = await judged(readable, '');
    expect(`${verdict.status} ${verdict.messageKey}`, verdict.message.en).toBe('fail fail');
    expect(verdict.static).toBe(true);
    expect(verdict.message.en).toContain('Read in the code, not observed when run: charts hard to read (1 of 2): scatter analyse.py:7: y label.');
    expect(verdict.evidence).toContainEqual(expect.objectContaining({ kind: 'static', subject: 'scatter chart', actual: 'no y label' }));
  });

  it('viz/scatter: the scatter plot read in the code', async () => {
    const verdict = await judged(scatter, 'ax.set_ylabel("Quantité")');
    expect(verdict.status, verdict.message.en).toBe('pass');
    expect(verdict.static).toBe(true);
    expect(verdict.message.en).toMatch(/^Read in the code, not observed when run: /);
  });
});
