#!/bin/sh
# CI step: a Docker engine and mspr-lab's images, so the docker test suite runs for real.
# Idempotent and cached by content: on a machine that already ran it, it installs nothing, starts nothing and
# builds nothing (images stay in the engine, debootstrap and .deb caches in /var/cache/mspr-lab).
# Works sourced by .ci/run (runs in a subshell, exports MSPR_REQUIRE_DOCKER=1 afterwards) or run on its own,
# from the repository root, as root.

mspr_ci_docker() (
  set -eu
  log() { printf '[20-docker] %s\n' "$*"; }
  export DEBIAN_FRONTEND=noninteractive

  missing=""
  command -v dockerd >/dev/null 2>&1 || missing="$missing docker.io"
  command -v debootstrap >/dev/null 2>&1 || missing="$missing debootstrap"
  # The docker sandbox's disk quota is a loop-mounted ext4 image per run (docs/docker.md): mkfs.ext4, tune2fs.
  { command -v mkfs.ext4 || [ -x /usr/sbin/mkfs.ext4 ] || [ -x /sbin/mkfs.ext4 ]; } >/dev/null 2>&1 || missing="$missing e2fsprogs"
  # The serve network's host firewall (runner/sandbox/docker/host-firewall.ts) is an iptables rule per run.
  { command -v iptables || [ -x /usr/sbin/iptables ] || [ -x /sbin/iptables ]; } >/dev/null 2>&1 || missing="$missing iptables"
  # Content tags come from `apt-cache policy`: the package lists must exist (a fresh machine has none).
  if [ -n "$missing" ] || [ -z "$(ls /var/lib/apt/lists/ 2>/dev/null | grep -v -e lock -e partial -e auxfiles)" ]; then
    log "apt-get update"
    apt-get update -q
  fi
  if [ -n "$missing" ]; then
    log "installing$missing"
    apt-get install -y -q --no-install-recommends $missing
  fi

  if ! docker info >/dev/null 2>&1; then
    if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
      log "starting docker (systemd)"
      systemctl start docker
    else
      log "starting dockerd (log: /var/log/mspr-dockerd.log)"
      # setsid: the daemon must outlive this step's shell and not get the job's Ctrl-C.
      setsid dockerd >/var/log/mspr-dockerd.log 2>&1 < /dev/null &
    fi
    waited=0
    until docker info >/dev/null 2>&1; do
      waited=$((waited + 1))
      if [ "$waited" -gt 60 ]; then
        log "dockerd did not answer within 60 s; last log lines:"
        tail -n 20 /var/log/mspr-dockerd.log 2>/dev/null || true
        return 1
      fi
      sleep 1
    done
  fi
  log "$(docker version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}}')"

  # `images build` is a CLI command, and .ci/run sources the steps before `npm run example` installs anything.
  bash scripts/install-and-build.sh
  started=$(date +%s)
  node dist/runner/cli.js images build
  log "images ready in $(( $(date +%s) - started )) s"
)

mspr_ci_docker
# In CI a docker test that cannot run must fail, not skip (test/docker/helpers.ts).
export MSPR_REQUIRE_DOCKER=1
