import { existsSync } from 'node:fs';
import { t, type Localized } from '../../i18n.js';
import { findTool } from './mount-commands.js';

/**
 * Whether this machine can give a run a filesystem of its own (a loop-mounted ext4 image): root, the
 * kernel's loop devices, and the tools. When not, the docker backend falls back to the disk watch and says
 * why (`reason`), with what to do.
 */
export function quotaDiskSupport(getuid = process.getuid): { ok: true } | { ok: false; reason: Localized } {
  if (getuid?.() !== 0) {
    return no(
      "mspr-lab ne tourne pas en root, or monter une image disque l'exige",
      'mspr-lab is not running as root, which mounting a disk image requires',
    );
  }
  if (!existsSync('/dev/loop-control') && !existsSync('/dev/loop0')) {
    return no('aucun périphérique loop (/dev/loop-control absent ; module noyau `loop`)', 'no loop device (/dev/loop-control missing; kernel module `loop`)');
  }
  for (const tool of ['mkfs.ext4', 'tune2fs']) {
    if (!findTool(tool)) return no(`${tool} introuvable (paquet Debian e2fsprogs)`, `${tool} not found (Debian package e2fsprogs)`);
  }
  for (const tool of ['mount', 'umount', 'cp']) {
    if (!findTool(tool)) return no(`${tool} introuvable (paquets Debian mount, coreutils)`, `${tool} not found (Debian packages mount, coreutils)`);
  }
  return { ok: true };
}

function no(fr: string, en: string): { ok: false; reason: Localized } {
  return { ok: false, reason: t(fr, en) };
}
