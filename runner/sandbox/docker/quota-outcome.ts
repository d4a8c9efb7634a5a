import type { CapturedOutput, DiskQuotaOutcome, ExecResult } from '../sandbox.js';
import { outcomeText } from '../quota/quota-messages.js';

/**
 * Adds what the quota check after an exec found to its result: `diskQuota` for scripts, and the reason in
 * both languages at the end of stderr (as a stop reason is), unless the watch already stopped the exec for it.
 */
export function withQuotaOutcome(result: ExecResult, found: { outcome: DiskQuotaOutcome; text?: string } | undefined): ExecResult {
  if (!found) return result;
  const alreadySaid = result.stoppedFor?.startsWith('disk-');
  const text = outcomeText(found.outcome, found.text);
  return {
    ...result,
    diskQuota: found.outcome,
    stderr: alreadySaid ? result.stderr : appended(result.stderr, `\n[mspr-lab] ${text.fr}\n[mspr-lab] ${text.en}\n`),
  };
}

function appended(output: CapturedOutput, line: string): CapturedOutput {
  return { ...output, text: output.text + line, bytes: output.bytes + Buffer.byteLength(line) };
}
