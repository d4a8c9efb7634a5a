import { posix } from 'node:path';
import type { CodeLocation } from '../../checks/verdict.js';
import { t } from '../i18n.js';
import type { StepRecord } from '../steps/step-record.js';
import { classifyConnection } from './classify-connection.js';
import { classifyImport } from './classify-import.js';
import { classifyMissingFile } from './classify-missing-file.js';
import type { FailureContext } from './failure-context.js';
import { lastFrameUnder, parsePythonError, type PythonError } from './python-error.js';
import type { StepFailure } from './step-failure.js';

const SYNTAX = /^(SyntaxError|IndentationError|TabError)$/;
const TRACER_FRAME = /\/mspr_tracer\//;

/**
 * Says whose failure a step that did not succeed is, from how it ended, its traceback (a notebook cell's
 * included) and the repository: see `StepFailure`. Returns undefined for a step that succeeded.
 */
export function classifyStep(record: StepRecord, context: FailureContext): StepFailure | undefined {
  if (record.status === 'ok' || record.status === 'skipped') return undefined;
  if (record.error) return notStarted(record);
  const result = record.result;
  if (record.status === 'timeout') return limit('timeout', t(`L’étape a dépassé sa limite de temps (${Math.round((result?.durationMs ?? 0) / 1000)} s).`, `The step exceeded its time limit (${Math.round((result?.durationMs ?? 0) / 1000)} s).`));
  if (record.status === 'oom') return limit('oom', t('L’étape a dépassé sa limite de mémoire.', 'The step exceeded its memory limit.'));
  if (result?.stoppedFor) return limit('stopped', t(`L’étape a été arrêtée par mspr-lab : ${result.stoppedFor}.`, `The step was stopped by mspr-lab: ${result.stoppedFor}.`));
  const stderr = result?.stderr.text ?? '';
  const error = parsePythonError(stderr);
  if (!error) return withoutTraceback(record, context, stderr);
  return fromPythonError(error, record, context);
}

function fromPythonError(error: PythonError, record: StepRecord, context: FailureContext): StepFailure {
  const exception = `${error.exception.type}${error.exception.message ? `: ${error.exception.message}` : ''}`.slice(0, 300);
  const frame = lastFrameUnder(error.frames, context.roots);
  const location = frame ? (frame.cell !== undefined ? { file: record.entry ?? frame.relative, cell: frame.cell, line: frame.line } : { file: frame.relative, line: frame.line }) : record.entry ? { file: record.entry } : undefined;
  const base: Partial<StepFailure> = { exception, ...(location ? { location } : {}) };
  if (TRACER_FRAME.test(error.frames.at(-1)?.file ?? '')) {
    return {
      ...base, owner: 'grader', cause: 'tracer-failed',
      message: t(`Le traceur de mspr-lab a levé une exception dans le code de l’équipe : ${exception}.`, `mspr-lab's tracer raised an exception inside the team's code: ${exception}.`),
      hint: t('C’est un défaut de mspr-lab, pas de l’équipe : signalez-le avec le rapport joint.', 'This is a fault of mspr-lab, not of the team: report it with the report attached.'),
    };
  }
  if (SYNTAX.test(error.exception.type)) {
    return {
      ...base, owner: 'candidate', cause: 'syntax-error',
      message: t(`Erreur de syntaxe : ${exception}.`, `Syntax error: ${exception}.`),
      hint: t('Corrigez la ligne indiquée, puis relancez.', 'Fix the line shown, then run again.'),
    };
  }
  // Relative paths in the error are relative to the folder the step ran from (the run plan's `cwd`).
  const cwd = record.cwd ?? (record.kind === 'notebook' && record.entry ? posix.dirname(record.entry) : '');
  const blamed = classifyImport(error, context, base) ?? classifyConnection(error, context, base) ?? classifyMissingFile(error, context, base, cwd);
  if (blamed) return blamed;
  const where = location ? ` (${placeOf(location, 'fr')})` : '';
  const whereEn = location ? ` (${placeOf(location, 'en')})` : '';
  if (error.notebookCell) {
    return {
      ...base, owner: 'candidate', cause: 'notebook-cell',
      message: t(`Une cellule du notebook a levé ${exception}${where}.`, `A notebook cell raised ${exception}${whereEn}.`),
      hint: t('Corrigez la cellule et vérifiez que le notebook s’exécute de haut en bas dans un noyau neuf.', 'Fix the cell and check that the notebook runs top to bottom in a fresh kernel.'),
    };
  }
  return {
    ...base, owner: 'candidate', cause: 'exception',
    message: t(`Le code de l’équipe a levé ${exception}${where}.`, `The team's code raised ${exception}${whereEn}.`),
    hint: t('Corrigez l’erreur à l’endroit indiqué, puis relancez.', 'Fix the error where shown, then run again.'),
  };
}

/** `etl.py:12`, or `analyse.ipynb, cell 6, line 3`. */
function placeOf(location: CodeLocation, lang: 'fr' | 'en'): string {
  if (location.cell === undefined) return `${location.file}${location.line ? `:${location.line}` : ''}`;
  return lang === 'fr' ? `${location.file}, cellule ${location.cell}${location.line ? `, ligne ${location.line}` : ''}` : `${location.file}, cell ${location.cell}${location.line ? `, line ${location.line}` : ''}`;
}

function notStarted(record: StepRecord): StepFailure {
  const error = record.error!;
  if (error.code === 'MSPR_SUBMISSION_UNREADABLE') {
    return { owner: 'candidate', cause: 'entry-missing', message: error.message, hint: error.hint ?? t('Vérifiez le chemin dans mspr.yaml (run:).', 'Check the path in mspr.yaml (run:).'), ...(record.entry ? { file: record.entry } : {}) };
  }
  return {
    owner: 'grader', cause: 'sandbox-failed', message: error.message,
    hint: error.hint ?? t('Vérifiez le bac à sable de la machine de correction (mspr-lab images list, docker info).', 'Check the grading machine’s sandbox (mspr-lab images list, docker info).'),
  };
}

function limit(cause: 'timeout' | 'oom' | 'stopped', message: ReturnType<typeof t>): StepFailure {
  return { owner: 'candidate', cause, message, hint: t('Allégez le traitement (échantillon, moins de combinaisons) ou demandez une limite plus large dans le scénario.', 'Make the work lighter (a sample, fewer combinations) or ask for a wider limit in the scenario.') };
}

/** No traceback: a command that could not be found, or a process that exited non-zero on its own terms. */
function withoutTraceback(record: StepRecord, context: FailureContext, stderr: string): StepFailure {
  const result = record.result!;
  const command = result.argv[0] ?? '';
  if (result.exitCode === 127 && /ENOENT|not found|No such file/i.test(stderr)) {
    if (command === context.python) {
      return {
        owner: 'grader', cause: 'interpreter-missing',
        message: t(`L’interpréteur de correction ${command} est introuvable.`, `The grading interpreter ${command} cannot be found.`),
        hint: t('Donnez un interpréteur existant avec --python (par défaut /usr/bin/python3 de Debian).', 'Give an existing interpreter with --python (Debian’s /usr/bin/python3 by default).'),
      };
    }
    return {
      owner: 'environment', cause: 'command-missing',
      message: t(`La commande ${command} n’existe pas dans le bac à sable.`, `The command ${command} does not exist in the sandbox.`),
      hint: t('Ajoutez l’outil à l’image (mspr-lab images build --extra-packages …) ou remplacez la commande dans mspr.yaml par son équivalent Python.', 'Add the tool to the image (mspr-lab images build --extra-packages …) or replace the command in mspr.yaml with its Python equivalent.'),
    };
  }
  const last = stderr.trim().split('\n').pop()?.trim().slice(0, 200);
  return {
    owner: 'candidate', cause: 'exit-code', ...(record.entry ? { location: { file: record.entry } } : {}),
    message: t(`L’étape s’est terminée avec le code ${result.exitCode ?? result.signal}${last ? ` : ${last}` : ''}.`, `The step ended with code ${result.exitCode ?? result.signal}${last ? `: ${last}` : ''}.`),
    hint: t('Lisez la fin de la sortie d’erreur de l’étape dans le rapport, corrigez, puis relancez.', 'Read the end of the step’s error output in the report, fix it, then run again.'),
  };
}
