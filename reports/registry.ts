import { MsprError } from '../runner/errors.js';
import { closestMatch } from '../runner/closest-match.js';
import { htmlRenderer } from './html-renderer.js';
import { jsonRenderer } from './json-renderer.js';
import { junitRenderer } from './junit-renderer.js';
import { markdownRenderer } from './markdown-renderer.js';
import type { Renderer } from './renderer.js';

export const renderers: Readonly<Record<string, Renderer>> = {
  json: jsonRenderer,
  junit: junitRenderer,
  md: markdownRenderer,
  html: htmlRenderer,
};

/** Parses `--format json,junit,md`; an unknown name is a usage error naming the closest known one. */
export function renderersFor(formats: string[]): Renderer[] {
  return formats.map((format) => {
    const renderer = renderers[format];
    if (renderer) return renderer;
    const suggestion = closestMatch(format, Object.keys(renderers));
    throw new MsprError(
      'MSPR_USAGE',
      { fr: `Format inconnu : ${format}${suggestion ? ` (vouliez-vous dire ${suggestion} ?)` : ''}.`, en: `Unknown format: ${format}${suggestion ? ` (did you mean ${suggestion}?)` : ''}.` },
      { hint: { fr: `Formats disponibles : ${Object.keys(renderers).join(', ')}.`, en: `Available formats: ${Object.keys(renderers).join(', ')}.` } },
    );
  });
}
