"""Builds a team's virtual environment and installs its declared requirements, then says what each became.

Run by mspr-lab with the sandbox's own interpreter (on the host for the local backend, in an install
container from the runtime image for docker), before any of the team's code:

    python3 install_requirements.py spec.json

spec.json: {"venv": path, "pipArgs": [...], "requirements": [{"id", "pip", "name", "specifier", "marker",
"imports"}], "log": path, "result": path, "timeoutSec": n}. The venv is created with
--system-site-packages and without pip of its own: the system's pip (Debian's python3-pip) is visible
through the system site-packages and installs into the venv because sys.prefix is the venv's. pip options
(index, wheel folder, binary-only) come from mspr-lab in pipArgs; this script adds nothing that reaches a
network. The result file is written in every case, with "error" set when the install could not be done.
"""
import json
import os
import re
import subprocess
import sys
import time
import traceback
import venv

from requirement_facts import marker_evaluator, met_by_image, satisfies, wheelhouse_names, with_facts

LOG_TAIL_CHARS = 4000

def main():
    spec = load(sys.argv[1])
    result = {"python": interpreter_facts(), "calls": [], "requirements": {}, "error": None}
    started = time.monotonic()
    try:
        install(spec, result, started)
    except Exception as error:  # the caller records it as an environment problem, never as the team's
        result["error"] = "%s: %s" % (type(error).__name__, error)
        append_log(spec, traceback.format_exc())
    result["logTail"] = log_tail(spec["log"])
    with open(spec["result"] + ".tmp", "w") as handle:
        json.dump(result, handle)
    os.replace(spec["result"] + ".tmp", spec["result"])


def install(spec, result, started):
    prefix = spec["venv"]
    python = os.path.join(prefix, "bin", "python")
    if not os.path.exists(python):
        create_venv(prefix)
    write_kernelspec(prefix, python)
    marker_ok = marker_evaluator()
    wanted, skipped = [], []
    for requirement in spec["requirements"]:
        (wanted if marker_ok(requirement.get("marker")) else skipped).append(requirement)
    for requirement in skipped:
        result["requirements"][requirement["id"]] = {"status": "ignored", "reason": "marker"}
    # What the image already satisfies needs no pip at all: offline, that is all a run can have.
    todo, image_versions = [], {}
    for requirement, fact in with_facts(python, wanted):
        if met_by_image(requirement, fact):
            result["requirements"][requirement["id"]] = {"status": "preinstalled", "version": fact.get("version"), "via": fact.get("via")}
        else:
            todo.append(requirement)
            image_versions[requirement["id"]] = fact.get("version")
    if not spec.get("index"):
        todo = offline_candidates(spec, todo, result, image_versions)
    if not todo:
        return
    try:
        import pip  # Debian's python3-pip, seen by the venv through the system site-packages

        result["pip"] = pip.__version__
    except ImportError:
        for requirement in todo:
            result["requirements"][requirement["id"]] = {"status": "unmet", "imageVersion": image_versions.get(requirement["id"]), "reason": "no-pip", "detail": "pip is not installed in this interpreter"}
        return
    outcome = {}
    combined = pip_install(spec, python, [r["pip"] for r in todo], result, started)
    if combined["ok"]:
        outcome = dict((r["id"], combined) for r in todo)
    else:
        # One at a time: the rest still installs when one requirement cannot, and each gets its reason.
        for requirement in todo:
            outcome[requirement["id"]] = pip_install(spec, python, [requirement["pip"]], result, started)
    for requirement, fact in with_facts(python, todo):
        result["requirements"][requirement["id"]] = status_of(requirement, outcome[requirement["id"]], fact)


def offline_candidates(spec, todo, result, image_versions):
    """Without an index, only what the wheel folder holds can be installed: the rest is unmet without asking pip."""
    wheels, sdists = wheelhouse_names(spec.get("wheelhouse"))
    kept = []
    for requirement in todo:
        name = requirement["name"]
        if name in wheels or (spec.get("allowSdist") and name in sdists):
            kept.append(requirement)
            continue
        reason = "build-needed" if name in sdists else "not-available"
        result["requirements"][requirement["id"]] = {"status": "unmet", "imageVersion": image_versions.get(requirement["id"]), "reason": reason, "detail": ""}
    return kept


def create_venv(prefix):
    """On top of this interpreter, seeing exactly what it sees.

    Debian's /usr/bin/python3 (the usual case): --system-site-packages. An interpreter that is itself a venv
    (a school's, with its own packages): venv would build on *its* base and lose them, so the new venv gets no
    system site-packages and a .pth that adds this interpreter's own site folders (processed as site folders,
    their .pth files included) after the venv's.
    """
    layered = sys.prefix != sys.base_prefix
    venv.EnvBuilder(system_site_packages=not layered, with_pip=False, symlinks=True).create(prefix)
    if not layered:
        return
    folders = [p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages") and os.path.isdir(p)]
    purelib = os.path.join(prefix, "lib", "python%d.%d" % sys.version_info[:2], "site-packages")
    with open(os.path.join(purelib, "_mspr_base_interpreter.pth"), "w") as handle:
        # One line, run by site.py; map() rather than a comprehension, whose scope would not see `site`.
        handle.write("import site; list(map(site.addsitedir, %r))\n" % folders)


def status_of(requirement, outcome, fact):
    version = fact.get("version")
    if outcome["ok"] and (version or fact.get("importable")):
        return {"status": "installed" if fact.get("inVenv") else "preinstalled", "version": version, "via": fact.get("via")}
    # pip could not, but the image may already provide it under another name (psycopg2-binary as Debian's psycopg2).
    if version and satisfies(version, requirement.get("specifier") or ""):
        return {"status": "preinstalled", "version": version, "via": fact.get("via")}
    if outcome["ok"]:
        return {"status": "unmet", "imageVersion": version, "reason": "not-importable", "detail": ""}
    return {"status": "unmet", "imageVersion": version, "reason": outcome["reason"], "detail": outcome["detail"]}


def pip_install(spec, python, requirements, result, started):
    argv = [python, "-m", "pip", "install"] + spec["pipArgs"] + requirements
    remaining = max(1.0, spec["timeoutSec"] - (time.monotonic() - started))
    began = time.monotonic()
    append_log(spec, "$ " + masked(" ".join(argv)) + "\n")
    try:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=remaining, stdin=subprocess.DEVNULL)
        output, code = done.stdout.decode("utf-8", "replace"), done.returncode
    except subprocess.TimeoutExpired as expired:
        output, code = (expired.stdout or b"").decode("utf-8", "replace") + "\nERROR: timed out\n", None
    append_log(spec, masked(output))
    result["calls"].append({"argv": [masked(arg) for arg in argv], "exitCode": code, "durationMs": int((time.monotonic() - began) * 1000)})
    if code == 0:
        return {"ok": True}
    return {"ok": False, "reason": "timeout" if code is None else reason_of(output), "detail": last_error(output)}


def masked(text):
    """An index URL's password or token never reaches the log, the cache or the report."""
    return re.sub(r"//([^/@:\s]+)(:[^/@\s]*)?@", lambda m: "//%s@" % ("%s:***" % m.group(1) if m.group(2) else "***"), text)


def reason_of(output):
    if any(text in output for text in ("Failed to establish a new connection", "Temporary failure in name resolution", "Max retries exceeded", "Connection refused", "Read timed out", "Network is unreachable")):
        return "network"
    if "ResolutionImpossible" in output or "conflicting dependencies" in output:
        return "conflict"
    if "subprocess-exited-with-error" in output or "Failed building wheel" in output or "metadata-generation-failed" in output:
        return "build-failed"
    if "No matching distribution found" in output or "Could not find a version that satisfies" in output:
        return "not-available"
    return "pip-error"


def last_error(output):
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR:")]
    return (errors[-1] if errors else (lines[-1] if lines else ""))[:500]


def write_kernelspec(prefix, python):
    """Notebooks must run in the venv too: nbconvert finds this kernel first through JUPYTER_PATH."""
    folder = os.path.join(prefix, "share", "jupyter", "kernels", "python3")
    os.makedirs(folder, exist_ok=True)
    spec = {"argv": [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "Python 3 (mspr-lab)", "language": "python"}
    with open(os.path.join(folder, "kernel.json"), "w") as handle:
        json.dump(spec, handle, indent=1)


def interpreter_facts():
    import platform
    import sysconfig

    return {"version": platform.python_version(), "platform": sysconfig.get_platform(), "executable": sys.executable}


def append_log(spec, text):
    with open(spec["log"], "a", encoding="utf-8") as handle:
        handle.write(text)


def log_tail(path):
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - LOG_TAIL_CHARS * 2))
            return handle.read().decode("utf-8", "replace")[-LOG_TAIL_CHARS:]
    except OSError:
        return ""


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


if __name__ == "__main__":
    main()
