/**
 * `mspr-lab checks list | head -1`: once the reader has gone, writing more is pointless, not an error. Without
 * this, Node throws EPIPE as an unhandled stream error with a stack trace. The exit code is kept (help, a
 * verdict); any other stream error is still an error.
 */
export function exitQuietlyOnClosedPipe(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
}
