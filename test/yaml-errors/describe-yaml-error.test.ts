import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { describeYamlError, excerptAt } from '../../runner/yaml-errors/describe-yaml-error.js';

/** The first parse error of `text`, described as the CLI shows it. */
function described(text: string) {
  const error = parseDocument(text).errors[0];
  if (!error) throw new Error('the text parses: the test would prove nothing');
  return describeYamlError('scenario.yaml', text, error);
}

describe('describeYamlError', () => {
  it('bad indentation: the line that breaks the block, caret at its column, the line before', () => {
    expect(described('name: demo\nchecks:\n  - id: a\n    weight: 2\n   blocking: true\n')).toEqual({
      fr: 'scenario.yaml, ligne 5, colonne 1 : YAML invalide — élément de liste sans tiret « - » (indentation ?) (Sequence item without - indicator)',
      en: 'scenario.yaml, line 5, column 1: invalid YAML — Sequence item without - indicator',
      line: 5,
      column: 1,
      excerpt: ['4 |     weight: 2', '5 |    blocking: true', '  | ^'].join('\n'),
    });
  });

  it('unclosed double quote: points at the opening quote, not at the end of the file where the parser stopped', () => {
    expect(described('name: demo\ntitle: "open\nrun: a\n')).toEqual({
      fr: 'scenario.yaml, ligne 2, colonne 8 : YAML invalide — guillemet « " » jamais fermé (Missing closing "quote)',
      en: 'scenario.yaml, line 2, column 8: invalid YAML — Missing closing "quote',
      line: 2,
      column: 8,
      excerpt: ['1 | name: demo', '2 | title: "open', '  |        ^', '3 | run: a'].join('\n'),
    });
  });

  it('unclosed single quote inside a list', () => {
    const result = described("name: demo\nrun:\n  - 'a.py\n  - b\n");
    expect([result.line, result.column]).toEqual([3, 5]);
    expect(result.en).toBe("scenario.yaml, line 3, column 5: invalid YAML — Missing closing 'quote");
    expect(result.fr).toBe("scenario.yaml, ligne 3, colonne 5 : YAML invalide — apostrophe « ' » jamais fermée (Missing closing 'quote)");
    expect(result.excerpt).toBe(['2 | run:', "3 |   - 'a.py", '  |     ^', '4 |   - b'].join('\n'));
  });

  it('a tab used as indentation', () => {
    expect(described('name: demo\nrun:\n\t- a.py\n')).toEqual({
      fr: 'scenario.yaml, ligne 3, colonne 1 : YAML invalide — tabulation utilisée pour indenter (YAML n’accepte que des espaces) (Tabs are not allowed as indentation)',
      en: 'scenario.yaml, line 3, column 1: invalid YAML — Tabs are not allowed as indentation',
      line: 3,
      column: 1,
      excerpt: ['2 | run:', '3 | \t- a.py', '  | ^'].join('\n'),
    });
  });

  it('a duplicate key: the second occurrence', () => {
    expect(described('name: x\nrun: a\nname: y\n')).toEqual({
      fr: 'scenario.yaml, ligne 3, colonne 1 : YAML invalide — clé en double (Map keys must be unique)',
      en: 'scenario.yaml, line 3, column 1: invalid YAML — Map keys must be unique',
      line: 3,
      column: 1,
      excerpt: ['2 | run: a', '3 | name: y', '  | ^'].join('\n'),
    });
  });

  it('two keys on one line: caret under the second', () => {
    const result = described('name: demo\nrun: python: a.py\n');
    expect(result.en).toBe('scenario.yaml, line 2, column 6: invalid YAML — Nested mappings are not allowed in compact mappings');
    expect(result.excerpt).toBe(['1 | name: demo', '2 | run: python: a.py', '  |      ^'].join('\n'));
  });

  it('an error without a position says so without an excerpt', () => {
    expect(describeYamlError('roster.yaml', 'x', new Error('Excessive alias count'))).toEqual({
      fr: 'roster.yaml : YAML invalide — Excessive alias count',
      en: 'roster.yaml: invalid YAML — Excessive alias count',
      excerpt: '',
    });
  });
});

describe('excerptAt', () => {
  it('keeps the tabs of the line in the caret line, so the caret stays under its character', () => {
    expect(excerptAt('a: 1\n\tkey: : v\n', 2, 7)).toBe(['1 | a: 1', '2 | \tkey: : v', '  | \t     ^'].join('\n'));
  });

  it('pads line numbers to the widest one (9, 10, 11)', () => {
    const text = Array.from({ length: 11 }, (_, index) => `k${index + 1}: v`).join('\n');
    expect(excerptAt(text, 10, 2)).toBe([' 9 | k9: v', '10 | k10: v', '   |  ^', '11 | k11: v'].join('\n'));
  });
});
