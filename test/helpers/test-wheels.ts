import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Writes a pure-Python wheel by hand (zip with METADATA, WHEEL and RECORD, as the wheel spec says), with
 * Debian's Python's zipfile: PyPI is unreachable here, so the packages the tests install are made by the tests.
 */
export function buildWheel(outDir: string, project: { name: string; version: string; modules: Record<string, string> }): string {
  mkdirSync(outDir, { recursive: true });
  const script = `
import base64, hashlib, json, sys, zipfile
out, name, version, modules = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
dist = name.replace("-", "_")
info = "%s-%s.dist-info" % (dist, version)
files = dict(modules)
files[info + "/METADATA"] = "Metadata-Version: 2.1\\nName: %s\\nVersion: %s\\nSummary: mspr-lab test package\\n" % (name, version)
files[info + "/WHEEL"] = "Wheel-Version: 1.0\\nGenerator: mspr-lab-tests\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"
record = []
for path, text in files.items():
    data = text.encode()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    record.append("%s,sha256=%s,%d" % (path, digest, len(data)))
record.append(info + "/RECORD,,")
wheel = "%s/%s-%s-py3-none-any.whl" % (out, dist, version)
with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
    for path, text in files.items():
        archive.writestr(path, text)
    archive.writestr(info + "/RECORD", "\\n".join(record) + "\\n")
print(wheel)
`;
  return execFileSync('/usr/bin/python3', ['-c', script, outDir, project.name, project.version, JSON.stringify(project.modules)], { encoding: 'utf8' }).trim();
}

/** The package the environment tests install: only the tests' wheel folder (or index) has it. */
export const DEMO_PACKAGE = {
  name: 'mspr-demo-pkg',
  version: '1.0.0',
  modules: {
    'mspr_demo_pkg/__init__.py': [
      '"""Petits utilitaires de préparation (paquet de test mspr-lab)."""',
      '__version__ = "1.0.0"',
      '',
      'def separer_cible(frame, cible):',
      '    """Sépare les variables explicatives et la cible."""',
      '    return frame.drop(columns=[cible]), frame[cible]',
      '',
    ].join('\n'),
  },
};

/** A PEP 503 "simple" index of a wheel folder, on 127.0.0.1, recording every path pip asks for. */
export async function serveSimpleIndex(wheelDir: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const files = () => readdirSync(wheelDir).filter((name) => name.endsWith('.whl'));
  const project = (file: string) => file.split('-')[0]!.toLowerCase().replace(/[-_.]+/g, '-');
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    requests.push(path);
    const page = (body: string) => response.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><html><body>${body}</body></html>`);
    if (path === '/simple/') return page([...new Set(files().map(project))].map((name) => `<a href="/simple/${name}/">${name}</a>`).join('\n'));
    const listing = /^\/simple\/([^/]+)\/$/.exec(path);
    if (listing) {
      const wanted = files().filter((file) => project(file) === listing[1]!.toLowerCase().replace(/[-_.]+/g, '-'));
      if (wanted.length === 0) return response.writeHead(404).end('not found');
      return page(wanted.map((file) => `<a href="/files/${file}#sha256=${createHash('sha256').update(readFileSync(join(wheelDir, file))).digest('hex')}">${file}</a>`).join('\n'));
    }
    const file = /^\/files\/([^/]+)$/.exec(path);
    if (file && files().includes(file[1]!)) return response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(join(wheelDir, file[1]!)));
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/simple/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
