import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownCheckIds, loadCheck } from '../../checks/registry.js';
import { checkPage } from '../../runner/cli/check-page.js';
import { packagePath } from '../../runner/paths.js';
import { englishWordsIn } from '../helpers/foreign-words.js';

/** The page without what is not French prose: the options schema (JSON), fenced code and example messages. */
function prose(page: string): string {
  return page
    .replace(/Schéma des options :[\s\S]*$/, '')
    .replace(/```[\s\S]*?```/g, '');
}

/** Codes such as C1.9 or C3.2 a page quotes. */
function criterionCodes(page: string): string[] {
  return [...new Set(page.match(/\bC\d+\.\d+\b/g) ?? [])].sort();
}

/** What a page says in English: a page written in both languages (`## Français`, then `## English`) counts once. */
function englishPart(page: string): string {
  const english = page.indexOf('\n## English');
  return english < 0 ? page : page.slice(english);
}

/** The message keys a page names in backticks, among the check's own keys. */
function keysNamed(page: string, keys: readonly string[]): string[] {
  return keys.filter((key) => page.includes(`\`${key}\``)).sort();
}

describe('checks show --lang fr: a hand-written French page for every check', () => {
  it.each(knownCheckIds())('%s', async (id) => {
    const meta = (await loadCheck(id))!.meta;
    const englishPage = readFileSync(packagePath('checks', `${id}.md`), 'utf8');
    expect(existsSync(packagePath('checks', `${id}.fr.md`)), `checks/${id}.fr.md`).toBe(true);
    const page = checkPage(meta, 'fr');
    expect(page.split('\n')[0]).toBe(`# ${id} — ${meta.title.fr}`);
    expect(page).not.toContain('Page détaillée (en anglais)');
    expect(englishWordsIn(prose(page))).toEqual([]);
    // The French page says as much as the English one: the same criteria quoted, the same verdict keys explained.
    expect(criterionCodes(page)).toEqual(criterionCodes(englishPage));
    const keys = Object.keys(meta.messages);
    expect(keysNamed(page, keys)).toEqual(keysNamed(englishPage, keys));
    expect(page.length).toBeGreaterThan(englishPart(englishPage).length * 0.7);
  });
});
