import type { Command } from 'commander';
import { detectLang, type Lang } from '../i18n.js';

/** `--lang` wins; otherwise French under a French locale, English elsewhere. */
export function langOf(command: Command): Lang {
  const { lang } = command.optsWithGlobals() as { lang?: Lang };
  return lang ?? detectLang();
}
