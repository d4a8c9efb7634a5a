import { firstLineOf } from '../errors.js';
import { type Localized, t } from '../i18n.js';

/** What the usual system error codes mean, in words: drivers and dockerode only say it in English (`connect ECONNREFUSED …`). */
const MEANINGS: Record<string, Localized> = {
  ECONNREFUSED: t('connexion refusée', 'connection refused'),
  ECONNRESET: t('connexion coupée', 'connection reset'),
  ETIMEDOUT: t('délai dépassé', 'timed out'),
  ENOTFOUND: t('nom d’hôte inconnu', 'unknown host name'),
  EAI_AGAIN: t('nom d’hôte introuvable pour l’instant', 'host name not resolvable for now'),
  EHOSTUNREACH: t('hôte hors d’atteinte', 'host out of reach'),
  ENETUNREACH: t('réseau hors d’atteinte', 'network out of reach'),
  ENOENT: t('rien à cette adresse', 'nothing at that address'),
  EACCES: t('accès refusé', 'access denied'),
  EPERM: t('opération interdite', 'operation not permitted'),
  ENOTDIR: t('un fichier est sur le chemin', 'a file is in the way'),
  EROFS: t('système de fichiers en lecture seule', 'read-only file system'),
  ENOSPC: t('disque plein', 'disk full'),
  PSEUDO_FS: t('système de fichiers du noyau', 'kernel file system'),
};

/** Error codes a server gives for refused credentials (PostgreSQL's SQLSTATE, MySQL's name, MongoDB's number). */
const AUTH_CODES = new Set(['28P01', '28000', 'ER_ACCESS_DENIED_ERROR', 18]);

/**
 * A system error code's meaning with the code after it (`connexion refusée (ECONNREFUSED)`), `where` it happened
 * between them (`un fichier est sur le chemin, /tmp/a (ENOTDIR)`); undefined for an unknown code.
 */
export function codeReason(code: string, where?: string): Localized | undefined {
  const meaning = MEANINGS[code];
  const at = where ? `, ${where}` : '';
  return meaning && t(`${meaning.fr}${at} (${code})`, `${meaning.en}${at} (${code})`);
}

/**
 * Why a connection or a call failed, in the reader's language: a known code in words, refused credentials, else
 * the error's own first line, quoted (it is a program's text, in its own language). `hide` masks what must never
 * show (a password a driver may quote).
 */
export function failureReason(error: unknown, hide: (text: string) => string = (text) => text): Localized {
  const found = error as { code?: unknown; errno?: unknown; cause?: { code?: unknown } } | null;
  const code = found?.code ?? found?.cause?.code;
  if (AUTH_CODES.has(code as string) || AUTH_CODES.has(found?.errno as number)) return t(`identifiants refusés (${String(code)})`, `credentials refused (${String(code)})`);
  const message = hide(firstLineOf(error));
  const known = (typeof code === 'string' && codeReason(code)) || codeReason(/\b(E[A-Z_]{3,})\b/.exec(message)?.[1] ?? '');
  if (known) return known;
  return t(`« ${message} »`, `“${message}”`);
}
