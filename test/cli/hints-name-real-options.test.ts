import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allCommands, buildProgram } from '../../runner/cli/program.js';
import { packagePath } from '../../runner/paths.js';

/**
 * Every text a user reads — hints, `t(fr, en)` messages, `{ fr, en }` pairs, help texts, and any string
 * that quotes an `mspr-lab …` command — may only name options and commands the real commander program has.
 * A hint telling users to run `--verbose` on a command without it is how issue 9 found this gap.
 */
const SCANNED = ['runner', 'checks', 'scenarios', 'reports'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'python' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The literal text of a string or template (template expressions become a space). */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return undefined;
}

/** Whether a node sits where user-facing text goes. */
function userFacing(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isPropertyAssignment(parent) && ['hint', 'fr', 'en', 'message', 'text', 'reason'].includes(parent.name.getText())) return true;
    if (ts.isCallExpression(parent)) {
      const callee = parent.expression.getText();
      if (callee === 't' || callee.endsWith('.addHelpText') || callee.endsWith('.description')) return true;
    }
    if (ts.isNewExpression(parent) && parent.expression.getText() === 'MsprError') return true;
  }
  return false;
}

/** A constant holding a command to type (`mspr-lab cleanup --run <run-id>`), wherever it is declared. */
const COMMAND_LINE = /(?:^|`)mspr-lab [a-z][a-z-]*(?: [a-z][a-z-]*)? --[a-z]/m;

interface Found {
  where: string;
  text: string;
}

function userTexts(): Found[] {
  const found: Found[] = [];
  for (const file of SCANNED.flatMap((dir) => sourceFiles(packagePath(dir)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      const text = literalText(node);
      if (text !== undefined && (userFacing(node) || COMMAND_LINE.test(text))) {
        found.push({ where: `${relative(packagePath(), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const program = buildProgram();
const commands = allCommands(program);
const knownOptions = new Set(
  [program, ...commands.map(({ command }) => command)].flatMap((command) => command.options.map((option) => option.long).filter((long): long is string => Boolean(long))),
);
knownOptions.add('--help');
const texts = userTexts();

describe('hints name options and commands that exist', () => {
  it('finds the texts to check (the scan itself works)', () => {
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.some(({ text }) => text.includes('--verbose'))).toBe(true);
    expect(texts.some(({ text }) => text.includes('mspr-lab cleanup --run <run-id>'))).toBe(true);
  });

  it('every --option in a user text is an option of some mspr-lab command', () => {
    const unknown = texts.flatMap(({ where, text }) =>
      [...text.matchAll(/(?<![\w-])(--[a-z][a-z0-9-]*)/g)].map((match) => match[1]!).filter((option) => !knownOptions.has(option)).map((option) => `${where}: ${option}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every `mspr-lab <command>` in a user text is a real command (and subcommand)', () => {
    const paths = new Set(commands.map(({ path }) => path.join(' ')));
    const withSubcommands = new Set(commands.filter(({ command }) => command.commands.length > 0).map(({ path }) => path.join(' ')));
    const wrong = texts.flatMap(({ where, text }) =>
      // A command is quoted in backticks (`mspr-lab cleanup --run …`) or starts a line of a help text.
      [...text.matchAll(/(?:`|^\s*)mspr-lab ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/gm)].flatMap((match) => {
        const [, first, second] = match;
        if (!paths.has(first!)) return [`${where}: mspr-lab ${first}`];
        if (withSubcommands.has(first!) && !paths.has(`${first} ${second}`)) return [`${where}: mspr-lab ${first} ${second ?? ''}`.trim()];
        return [];
      }),
    );
    expect(wrong).toEqual([]);
  });
});
