#!/bin/sh
# Builds a Debian root filesystem tarball for one mspr-lab image, without any container registry:
# debootstrap (minbase, cached per suite+mirror) + apt-get in a chroot + the recipe's setup script.
# Called by runner/images/build-image.ts, which computes the content tag and decides whether to build.
# Needs root (debootstrap, chroot, bind mounts). Every input comes from the environment:
#   MSPR_SUITE      e.g. bookworm
#   MSPR_MIRROR     the Debian archive URI read from the host's apt sources
#   MSPR_KEYRING    keyring that signs the archive (empty: debootstrap's default)
#   MSPR_SOURCES    deb822 sources file to install in the chroot (so security updates apply)
#   MSPR_PACKAGES   space-separated packages to install (--no-install-recommends)
#   MSPR_SETUP_DIR  folder copied to /tmp/mspr-setup in the chroot; its setup.sh runs there as root
#   MSPR_CACHE      cache folder (minbase tarballs, downloaded .debs)
#   MSPR_BASE_KEY   key of the cached minbase tarball (TS derives it from suite, mirror, script version)
#   MSPR_OUT        tarball to write (written to a temporary name, then renamed)
set -eu

: "${MSPR_SUITE:?}" "${MSPR_MIRROR:?}" "${MSPR_SOURCES:?}" "${MSPR_PACKAGES:?}" "${MSPR_SETUP_DIR:?}"
: "${MSPR_CACHE:?}" "${MSPR_BASE_KEY:?}" "${MSPR_OUT:?}"

log() { printf '[build-rootfs] %s\n' "$*" >&2; }

mkdir -p "$MSPR_CACHE/debs/partial" "$MSPR_CACHE/base" "$MSPR_CACHE/work"
root=$(mktemp -d "$MSPR_CACHE/work/rootfs.XXXXXX")

# Mounts inside the chroot must go whatever happens, or the next `rm -rf` would reach the host's /proc.
cleanup() {
  for m in var/cache/apt/archives dev/pts sys proc; do
    if mountpoint -q "$root/$m" 2>/dev/null; then umount -l "$root/$m" || true; fi
  done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT INT TERM

base="$MSPR_CACHE/base/$MSPR_BASE_KEY.tar"
if [ ! -s "$base" ]; then
  log "debootstrap $MSPR_SUITE (minbase) from $MSPR_MIRROR"
  keyring_opt=""
  if [ -n "${MSPR_KEYRING:-}" ]; then keyring_opt="--keyring=$MSPR_KEYRING"; fi
  # shellcheck disable=SC2086
  debootstrap --variant=minbase $keyring_opt --cache-dir="$MSPR_CACHE/debs" \
    "$MSPR_SUITE" "$root" "$MSPR_MIRROR" >&2
  rm -rf "$root/var/lib/apt/lists/"* "$root/var/cache/apt/"*.bin
  tar --numeric-owner -C "$root" -cf "$base.tmp" . && mv "$base.tmp" "$base"
else
  log "reusing cached minbase $base"
  tar --numeric-owner -C "$root" -xf "$base"
fi

mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mkdir -p "$root/var/cache/apt/archives"
mount --bind "$MSPR_CACHE/debs" "$root/var/cache/apt/archives"

cp "$MSPR_SOURCES" "$root/etc/apt/sources.list.d/debian.sources"
rm -f "$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Packages must not start daemons in the chroot (postgresql, mariadb).
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

log "apt-get install: $MSPR_PACKAGES"
# The .deb cache is a bind mount owned by root: apt's unprivileged download user could not write it.
apt_opts="-q -y -o APT::Sandbox::User=root"
# shellcheck disable=SC2086
in_root apt-get $apt_opts update >&2
# shellcheck disable=SC2086
in_root apt-get $apt_opts dist-upgrade >&2
# shellcheck disable=SC2086
in_root apt-get $apt_opts --no-install-recommends install $MSPR_PACKAGES >&2

log "setup script"
rm -rf "$root/tmp/mspr-setup"
cp -r "$MSPR_SETUP_DIR" "$root/tmp/mspr-setup"
in_root /bin/sh /tmp/mspr-setup/setup.sh >&2

# Record what was actually installed, inside the image (for audits) and beside the tarball.
mkdir -p "$root/etc/mspr-lab"
in_root dpkg-query -W -f '${Package}=${Version}\n' > "$root/etc/mspr-lab/packages.txt"
cp "$root/etc/mspr-lab/packages.txt" "$MSPR_OUT.packages"

log "trimming"
rm -f "$root/usr/sbin/policy-rc.d"
rm -rf "$root/tmp/mspr-setup" "$root/var/lib/apt/lists/"* "$root/var/cache/apt/"*.bin \
  "$root/usr/share/doc/"* "$root/usr/share/man/"* "$root/usr/share/info/"* "$root/var/log/"*
: > "$root/etc/resolv.conf"
for m in var/cache/apt/archives sys proc; do umount -l "$root/$m"; done

log "packing $MSPR_OUT"
tar --numeric-owner -C "$root" -cf "$MSPR_OUT.tmp" . && mv "$MSPR_OUT.tmp" "$MSPR_OUT"
log "done"
