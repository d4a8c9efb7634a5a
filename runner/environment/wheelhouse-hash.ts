import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Files already hashed in this process, by path, size and mtime: a batch of forty teams reads each wheel once. */
const memo = new Map<string, string>();

/**
 * A hash of what a wheel folder holds (pip's `--find-links` reads only its top level): each file's name and
 * content. A wheel added, removed or rebuilt gives another hash, hence another cache key.
 */
export async function wheelhouseHash(folder: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(folder)).sort()) {
    const path = join(folder, name);
    const stats = await stat(path).catch(() => undefined);
    if (!stats?.isFile()) continue;
    const memoKey = `${path}\0${stats.size}\0${stats.mtimeMs}`;
    let digest = memo.get(memoKey);
    if (!digest) {
      digest = await fileDigest(path);
      memo.set(memoKey, digest);
    }
    hash.update(`${name}\0${digest}\n`);
  }
  return hash.digest('hex');
}

function fileDigest(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
