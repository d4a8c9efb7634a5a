import { type Lang, pick, t } from '../i18n.js';
import type { DoctorReport } from './doctor-line.js';

/** The terminal page: one line per probe, then the commands that fix what is missing, then the verdict. */
export function formatDoctor(report: DoctorReport, lang: Lang): string[] {
  const ok = pick(t('ok', 'ok'), lang);
  const missing = pick(t('manquant', 'missing'), lang);
  const width = Math.max(...report.lines.map((found) => pick(found.label, lang).length));
  const out = [pick(t(`mspr-lab ${report.version} — état de la machine`, `mspr-lab ${report.version} — machine check`), lang), ''];
  for (const found of report.lines) {
    const kind = pick(found.required ? t('requis', 'required') : t('facultatif', 'optional'), lang);
    out.push(`  ${(found.ok ? ok : missing).padEnd(9)}${pick(found.label, lang).padEnd(width + 2)}${pick(found.summary, lang)} (${kind})`);
    if (found.ok) continue;
    out.push(`  ${' '.repeat(9 + width + 2)}${pick(t('sert à : ', 'used for: '), lang)}${pick(found.need, lang)}`);
    for (const command of found.fix) out.push(`  ${' '.repeat(9 + width + 2)}${pick(t('correctif : ', 'fix: '), lang)}${command}`);
    if (found.fixNote) out.push(`  ${' '.repeat(9 + width + 2)}➜ ${pick(found.fixNote, lang)}`);
  }
  const requiredMissing = report.lines.filter((found) => found.required && !found.ok).map((found) => found.id);
  const optionalMissing = report.lines.filter((found) => !found.required && !found.ok).length;
  out.push('');
  out.push(
    pick(
      requiredMissing.length
        ? t(`PAS PRÊT — requis manquant : ${requiredMissing.join(', ')}.`, `NOT READY — required and missing: ${requiredMissing.join(', ')}.`)
        : optionalMissing
          ? t(`PRÊT — tout le requis est là ; facultatif manquant : ${optionalMissing}.`, `READY — every required line is ok; optional missing: ${optionalMissing}.`)
          : t('PRÊT — tout est là.', 'READY — everything is there.'),
      lang,
    ),
  );
  return out;
}
