import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTag, imageContent } from '../../runner/images/content-tag.js';
import { parseDeb822, parseOneLine, readDebianArchive } from '../../runner/images/debian/apt-sources.js';
import { parsePolicy } from '../../runner/images/debian/package-versions.js';
import { packagePath } from '../../runner/paths.js';
import { RECIPES } from '../../runner/images/recipes.js';

const DEB822 = `Types: deb
# http://snapshot.debian.org/archive/debian/20250520T000000Z
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

describe('Debian inputs of an image build', () => {
  it('reads deb822 sources, skipping deb-src and comments', () => {
    expect(parseDeb822(DEB822)).toEqual([
      { uris: ['http://deb.debian.org/debian'], suites: ['bookworm', 'bookworm-updates'], components: ['main'], signedBy: '/usr/share/keyrings/debian-archive-keyring.gpg' },
      { uris: ['http://deb.debian.org/debian-security'], suites: ['bookworm-security'], components: ['main'], signedBy: '/usr/share/keyrings/debian-archive-keyring.gpg' },
    ]);
  });

  it('reads one-line sources with options', () => {
    expect(parseOneLine('# comment\ndeb [arch=amd64 signed-by=/k.gpg] http://mirror.local/debian bookworm main contrib\ndeb-src http://x bookworm main\n')).toEqual([
      { uris: ['http://mirror.local/debian'], suites: ['bookworm'], components: ['main', 'contrib'], signedBy: '/k.gpg' },
    ]);
  });

  it('keeps only the release’s own sources for the image (no third-party repositories)', () => {
    const etc = mkdtempSync(join(tmpdir(), 'mspr-etc-'));
    mkdirSync(join(etc, 'apt', 'sources.list.d'), { recursive: true });
    writeFileSync(join(etc, 'os-release'), 'VERSION_CODENAME=bookworm\n');
    writeFileSync(join(etc, 'apt', 'sources.list.d', 'debian.sources'), DEB822);
    writeFileSync(join(etc, 'apt', 'sources.list.d', 'docker.list'), 'deb https://download.docker.com/linux/debian bookworm stable\n');
    writeFileSync(join(etc, 'apt', 'sources.list.d', 'nodesource.list'), 'deb https://deb.nodesource.com/node_20.x nodistro main\n');
    const archive = readDebianArchive(etc);
    expect(archive).toMatchObject({ suite: 'bookworm', mirror: 'http://deb.debian.org/debian', keyring: '/usr/share/keyrings/debian-archive-keyring.gpg' });
    expect(archive.sourcesText).toContain('Suites: bookworm-security');
    expect(archive.sourcesText).not.toContain('nodesource');
    // Docker's repository names the suite bookworm too, but its area (`stable`) is not Debian's.
    expect(archive.sourcesText).not.toContain('download.docker.com');
  });

  it('parses apt-cache policy candidates, ignoring (none)', () => {
    const text = 'python3-pandas:\n  Installed: 1.5.3+dfsg-2\n  Candidate: 1.5.3+dfsg-2\n  Version table:\nghost:\n  Installed: (none)\n  Candidate: (none)\n';
    expect(parsePolicy(text)).toEqual({ 'python3-pandas': '1.5.3+dfsg-2' });
  });

  it('derives the tag from the content: same inputs, same tag; one version more, another tag', () => {
    const archive = { suite: 'bookworm', mirror: 'http://deb.debian.org/debian', sourcesText: DEB822 };
    const script = packagePath('runner/images/debian/build-rootfs.sh');
    const versions = { python3: '3.11.2-1+b1', 'python3-pandas': '1.5.3+dfsg-2' };
    const a = contentTag(imageContent(RECIPES.python, archive, versions, script));
    expect(contentTag(imageContent(RECIPES.python, archive, { ...versions }, script))).toBe(a);
    expect(contentTag(imageContent(RECIPES.python, archive, { ...versions, 'python3-pandas': '1.5.3+dfsg-3' }, script))).not.toBe(a);
    expect(contentTag(imageContent(RECIPES.python, { ...archive, mirror: 'http://mirror.exam.local/debian' }, versions, script))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{12}$/);
  });
});
