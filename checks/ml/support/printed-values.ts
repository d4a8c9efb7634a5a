import type { StepRecord } from '../../../runner/steps/step-record.js';

const NUMBER = /-?\d+(?:\.(\d+))?(?:[eE][-+]?\d+)?/g;

/**
 * True when `value` appears among the decimal numbers of `text` at the precision it was printed with
 * (`3.1416` matches 3.14159…). Integers and one-decimal numbers are ignored: too many match by chance.
 */
export function valueAppearsIn(text: string, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  for (const match of text.matchAll(NUMBER)) {
    const decimals = match[1]?.length ?? 0;
    if (decimals < 2 && !/[eE]/.test(match[0])) continue;
    const printed = Number(match[0]);
    const tolerance = /[eE]/.test(match[0]) ? Math.abs(printed) * 1e-3 : 0.5 * 10 ** -decimals + 1e-12;
    if (Math.abs(printed - value) <= tolerance) return true;
  }
  return false;
}

/** Everything the steps printed on stdout (what a jury reads in the console or the executed notebook). */
export function printedText(steps: readonly StepRecord[]): string {
  return steps.map((step) => step.result?.stdout.text ?? '').join('\n');
}
