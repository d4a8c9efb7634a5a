import { workspaceFiles } from '../evidence/workspace-files.js';
import type { ProgressListener } from '../progress.js';
import type { StartedServices } from '../services/service-provider.js';
import { isSecretEntry, secretsFromEnvFiles } from './env-file-secrets.js';
import type { Redactor } from './redactor.js';

/** The secret values of a workspace's `.env` files; none when the folder cannot be read. */
export function workspaceSecrets(workspaceDir: string): string[] {
  try {
    return secretsFromEnvFiles(workspaceFiles(workspaceDir));
  } catch {
    return [];
  }
}

/** The run's own secrets: its database passwords (generated per run) and what the code is told that is secret. */
export function serviceSecrets(services: StartedServices): string[] {
  const secrets: string[] = [];
  for (const endpoint of services.endpoints.values()) if (endpoint.password) secrets.push(endpoint.password);
  for (const [name, value] of Object.entries(services.candidateEnv)) if (isSecretEntry(name, value)) secrets.push(value);
  return secrets;
}

/** Progress with the secrets known so far masked: output lines reach CI logs as they come. */
export function redactingProgress(listener: ProgressListener, redactor: Redactor): ProgressListener {
  return (event) => {
    if (event.type === 'step-output') listener({ ...event, line: redactor.text(event.line) });
    else if (event.type === 'notebook-cell' && event.line !== undefined) listener({ ...event, line: redactor.text(event.line) });
    else if (event.type === 'notice') listener({ ...event, text: { fr: redactor.text(event.text.fr), en: redactor.text(event.text.en) }, ...(event.excerpt ? { excerpt: redactor.text(event.excerpt) } : {}) });
    else if (event.type === 'phase') listener({ ...event, text: { fr: redactor.text(event.text.fr), en: redactor.text(event.text.en) } });
    else listener(event);
  };
}
