import { type CheckContext, defineCheck } from '../check.js';
import { NO_TRACE } from '../support/trace-support.js';

/** The check's options, as `meta.options` declares them (the runner validates them and applies defaults). */
interface Options {
  // TODO: one field per option of meta.options.properties, e.g. `minRows: number;` — or leave it empty.
}

export default defineCheck({
  meta: {
    id: 'ml/training-procedure',
    title: { fr: 'TODO: titre en français', en: 'TODO: title in English' },
    criteria: ['dev-ia-ds:A1.2 C4', 'cdp-ia:A2C7'],
    evidence: ['trace', 'static'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
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
    throw new Error('TODO: write run() of ml/training-procedure');
  },
});
