import { parse } from 'dotenv';
import type { WorkspaceFiles } from '../evidence/workspace-files.js';
import { SECRET_NAME } from './secret-formats.js';

/** Larger files are not configuration; reading them would only slow the report down. */
const MAX_ENV_BYTES = 64 * 1024;
const MAX_ENV_FILES = 50;

/** `.env`, `.env.local`, `config/.env.production`…: every folder of the workspace. */
export function isEnvFile(relativePath: string): boolean {
  const name = relativePath.split('/').pop() ?? '';
  return name === '.env' || name.startsWith('.env.');
}

/**
 * The values of a workspace's `.env` files that are secrets: those of a secret's name (`DB_PASSWORD`, `API_KEY`,
 * `SECRET_TOKEN`…) and those that look random whatever their name (16+ characters of a token alphabet, letters
 * and digits, high entropy). Hosts, ports, database names and flags are left alone: masking `localhost` or
 * `5432` everywhere would make the report unreadable and hide nothing.
 */
export function secretsFromEnvFiles(workspace: WorkspaceFiles): string[] {
  const secrets = new Set<string>();
  for (const path of workspace.list().filter(isEnvFile).slice(0, MAX_ENV_FILES)) {
    let text: string;
    try {
      const bytes = workspace.readBytes(path);
      if (bytes.length > MAX_ENV_BYTES) continue;
      text = workspace.readText(path);
    } catch {
      continue; // unreadable: nothing to learn from it
    }
    for (const value of envTextSecrets(text)) secrets.add(value);
  }
  return [...secrets];
}

/** The secret values of one `.env` text (see secretsFromEnvFiles). */
export function envTextSecrets(text: string): string[] {
  return Object.entries(parse(text)).filter(([name, value]) => isSecretEntry(name, value)).map(([, value]) => value);
}

/** Whether an environment entry (a .env line, a service's variable) holds a secret. */
export function isSecretEntry(name: string, value: string): boolean {
  if (value.trim().length === 0) return false;
  return SECRET_NAME.test(name) || looksRandom(value);
}

function looksRandom(value: string): boolean {
  if (value.length < 16 || !/^[A-Za-z0-9+/=_-]+$/.test(value) || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / value.length) * Math.log2(n / value.length);
  return entropy >= 3.5;
}
