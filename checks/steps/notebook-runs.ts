import { type CheckContext, defineCheck } from '../check.js';

/** The check's options, as `meta.options` declares them (the runner validates them and applies defaults). */
interface Options {
  // TODO: one field per option of meta.options.properties, e.g. `minRows: number;` — or leave it empty.
}

export default defineCheck({
  meta: {
    id: 'steps/notebook-runs',
    title: { fr: 'TODO: titre en français', en: 'TODO: title in English' },
    criteria: ['cdp-data-ia:C2.6'],
    evidence: ['step', 'artifact'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      pass: { fr: 'TODO: ce qui a été trouvé ({found}).', en: 'TODO: what was found ({found}).' },
      fail: {
        fr: 'TODO: ce qui a été trouvé ({found}). Attendu : TODO. Que faire : TODO.',
        en: 'TODO: what was found ({found}). Expected: TODO. What to do: TODO.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    // TODO: read the evidence in `ctx` (docs/writing-a-check.md) and return an outcome, e.g.
    //   return { status: 'pass', message: 'pass', params: { found: 'etl.py:12' }, evidence: [...] };
    throw new Error('TODO: write run() of steps/notebook-runs');
  },
});
