import { MsprError } from '../errors.js';
import type { Localized } from '../i18n.js';

/** One line of the engine's progress stream (import, build). */
export interface EngineProgressEvent {
  stream?: string;
  status?: string;
  error?: string;
}

/**
 * Reads the JSON-lines progress stream that image import and build answer with: the engine replies 200 and
 * reports failure inside the stream, as an `error` line. A line that is not JSON is kept as text rather than
 * thrown from a stream listener (which would escape as an uncaught exception).
 */
export function followEngineProgress(stream: NodeJS.ReadableStream, failure: Localized, onEvent: (event: EngineProgressEvent) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending = '';
    let error: string | undefined;
    const handle = (line: string) => {
      if (!line.trim()) return;
      let event: EngineProgressEvent;
      try {
        event = JSON.parse(line) as EngineProgressEvent;
      } catch {
        event = { stream: line };
      }
      if (event.error) error = event.error;
      onEvent(event);
    };
    stream.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(handle);
    });
    stream.on('error', reject);
    stream.on('end', () => {
      handle(pending);
      if (error) reject(new MsprError('MSPR_SANDBOX_FAILED', failure, { details: [error] }));
      else resolve();
    });
  });
}
