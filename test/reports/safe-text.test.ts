import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../checks/verdict.js';
import { htmlRenderer } from '../../reports/html-renderer.js';
import { junitRenderer } from '../../reports/junit-renderer.js';
import { markdownRenderer } from '../../reports/markdown-renderer.js';
import type { RunReport } from '../../reports/report.js';
import { mapStrings, plainText, terminalLine } from '../../reports/safe-text.js';
import { rollUpCompetencies } from '../../reports/competencies.js';
import { summarize } from '../../reports/summarize.js';
import { consoleProgress } from '../../runner/cli/console-progress.js';
import { formatSummary } from '../../runner/cli/print-summary.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const FAKE = 'KeyError: \x1b[2J\x1b[H\x1b[1;32mPASSED\x1b[0m — score 20/20\r\nPASSED — score 20/20';

describe('plain text: no escape sequence or control character survives', () => {
  const cases: Array<[string, string, string]> = [
    ['CSI (clear screen, colours)', 'a\x1b[2J\x1b[H\x1b[1;32mb\x1b[0m', 'ab'],
    ['8-bit CSI', 'a\x9b31mb', 'ab'],
    ['OSC title, BEL-terminated', 'a\x1b]0;pwned\x07b', 'ab'],
    ['OSC 8 hyperlink, ST-terminated', 'a\x1b]8;;https://evil.example\x1b\\lien\x1b]8;;\x1b\\b', 'alienb'],
    ['DCS string', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['two-character escape (reset)', 'a\x1bcb', 'ab'],
    ['C0 and DEL', 'a\x00\x01\x08\x0b\x0c\x7fb', 'ab'],
    ['bidirectional override', 'admin\u202e\u2066txt.exe', 'admintxt.exe'],
    ['carriage returns', 'a\r\nb\rc', 'a\nb\nc'],
    ['lone surrogate', 'a\ud800b', 'ab'],
    ['text that only looks like an escape', 'tableau [2J] et 😀 é\tfin', 'tableau [2J] et 😀 é\tfin'],
  ];
  it.each(cases)('%s', (_name, input, output) => {
    expect(plainText(input)).toBe(output);
  });

  it('on the terminal a string is one line: a fake outcome cannot start a line', () => {
    expect(terminalLine(FAKE)).toBe('KeyError: PASSED — score 20/20 ↵ PASSED — score 20/20');
    expect(mapStrings({ a: ['x\x1b[2J', { b: 'y\n' }], n: 1, z: null }, terminalLine)).toEqual({ a: ['x', { b: 'y ↵ ' }], n: 1, z: null });
  });
});

function hostileReport(): RunReport {
  const verdicts: Verdict[] = [
    {
      id: 'steps/succeeded', checkId: 'steps/succeeded', title: { fr: 'Étapes', en: 'Steps' }, status: 'fail', score: 0, weight: 1, required: true,
      message: { fr: `échec : ${FAKE}`, en: `failed: ${FAKE}` }, messageKey: 'fail',
      evidence: [{ kind: 'db', subject: 'table [x](https://evil.example) ![i](https://evil.example/p.png) <https://evil.example> \x00\x1b[5m', data: { tablesFound: ['t\x07\x0c'] } }],
      criteria: ['cdp-data-ia:C2.6'], durationMs: 1,
    },
  ];
  return {
    schemaVersion: '1.1', tool: { name: 'mspr-lab', version: '0.1.0' }, runId: 'r', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', durationMs: 1000,
    scenario: { id: 'bloc1', title: { fr: 'Bloc 1', en: 'Bloc 1' }, framework: 'cdp-data-ia', bloc: '1', source: 'x.yaml' },
    submission: { source: 'équipe\x1b[2J', kind: 'directory', refused: [{ path: 'a\x1b[2J', reason: 'symlink-escapes', message: { fr: 'lien\x1b[2J\x07 : refusé', en: 'link\x1b[2J\x07: refused' } }], fileCount: 1, totalBytes: 1 },
    sandbox: { backend: 'local', isolated: false },
    assumptions: [{ fr: 'voir www.evil.example et @octocat, #12', en: 'see www.evil.example and @octocat, #12' }],
    steps: [{ id: 'pipeline:\x1b[31mmain.py', kind: 'command', argv: ['python', 'main.py'], status: 'failed', optional: false, exitCode: 1, signal: null, timedOut: false, oomKilled: false, durationMs: 1, stdoutTail: '\x1b[2J', stderrTail: '\x00', outputBytes: { stdout: 4, stderr: 1 }, outputTruncated: false }],
    trace: { events: 0, problems: [] }, verdicts, manual: [], errors: [{ code: 'MSPR_INTERNAL', message: { fr: 'erreur\x1b[2J', en: 'error\x1b[2J' }, details: ['détail\nPASSED — score 20/20'] }],
    summary: summarize(verdicts, []), competencies: rollUpCompetencies('cdp-data-ia', verdicts, [], false),
  };
}

describe('renderers and the terminal, fed candidate text', () => {
  it('JUnit is XML 1.0 that parses, whatever the characters', () => {
    const xml = junitRenderer.render(hostileReport(), 'en');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(parsed.testsuites.testsuite[0].testcase.failure['@_message']).toBe('failed: KeyError: PASSED — score 20/20\nPASSED — score 20/20');
  });

  it('Markdown: no live link, image, HTML or autolink', () => {
    const md = markdownRenderer.render(hostileReport(), 'en');
    expect(md).not.toMatch(CONTROL);
    expect(md).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/);
    expect(md).toContain('table \\[x\\](https:\u200b//evil.example) !\\[i\\](https:\u200b//evil.example/p.png) &lt;https:\u200b//evil.example&gt;');
    expect(md).toContain('see www\u200b.evil.example and @\u200boctocat, #\u200b12');
    // The candidate's line break does not end the table row or the list item.
    expect(md.split('\n').filter((line) => line.startsWith('PASSED'))).toEqual([]);
  });

  it('HTML: escaped and without control characters', () => {
    const html = htmlRenderer.render(hostileReport(), 'fr');
    expect(html).not.toMatch(CONTROL);
    expect(html).toContain('&lt;https://evil.example&gt;');
  });

  it('the terminal summary and progress print single lines without escapes', () => {
    const summary = formatSummary(hostileReport(), 'en', ['out/report\x1b[2J.json']);
    expect(summary).not.toMatch(CONTROL);
    const outcomes = summary.split('\n').filter((line) => /^(PASSED|FAILED|RUN ERROR)/.test(line));
    expect(outcomes).toEqual([expect.stringMatching(/^FAILED — score 0\/1/)]);
    expect(summary).toContain('  ✘ failed steps/succeeded  failed: KeyError: PASSED — score 20/20 ↵ PASSED — score 20/20');
    expect(summary).toContain('    - détail ↵ PASSED — score 20/20');

    // A YAML error's excerpt quotes the candidate's file: it keeps its lines and caret, indented, without escapes.
    const withExcerpt = hostileReport();
    withExcerpt.errors[0]!.excerpt = '2 | title: x\x1b[2J\n3 | framework: "cdp\n  |            ^';
    const excerptLines = formatSummary(withExcerpt, 'en', []).split('\n');
    expect(excerptLines.filter((line) => line.startsWith('      ')).slice(0, 3)).toEqual(['      2 | title: x', '      3 | framework: "cdp', '        |            ^']);
    expect(excerptLines.join('\n')).not.toMatch(CONTROL);

    const written: string[] = [];
    const stream = { isTTY: false, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const progress = consoleProgress('en', stream);
    progress({ type: 'notice', text: { fr: 'x', en: `note ${FAKE}` } });
    progress({ type: 'step-output', id: 's', line: FAKE });
    progress({ type: 'step-start', id: 'pipeline:\x1b[2Jmain.py', index: 0, total: 1 });
    expect(written.join('')).not.toMatch(CONTROL);
    expect(written).toEqual([
      '! note KeyError: PASSED — score 20/20 ↵ PASSED — score 20/20\n',
      '  … KeyError: PASSED — score 20/20 ↵ PASSED — score 20/20\n',
      '▶ step 1/1 pipeline:main.py\n',
    ]);
  });
});
