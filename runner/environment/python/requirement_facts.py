"""What the interpreter already provides, read without pip: versions, locations, markers, wheel folders.

Imported by install_requirements.py (the install driver); standard library and pip's vendored `packaging` only.
"""
import json
import os
import re
import subprocess

# Run in the venv's interpreter: where each requirement's distribution is, its version, whether it imports.
INSPECT = r"""
import importlib.metadata as md, importlib.util, json, os, sys
reqs = json.loads(sys.argv[1])
prefix = os.path.realpath(sys.prefix) + os.sep
try:
    by_module = md.packages_distributions()
except Exception:
    by_module = {}
def dist(name):
    try:
        return md.distribution(name)
    except Exception:
        return None
def importable(module):
    try:
        return importlib.util.find_spec(module) is not None
    except Exception:
        return False
out = {}
for r in reqs:
    found, via = dist(r["name"]), None
    for module in ([] if found else r["imports"]):
        for other in by_module.get(module, []):
            found = dist(other)
            if found:
                via = other
                break
        if found:
            break
    location = str(found.locate_file("")) if found else None
    out[r["id"]] = {
        "version": found.version if found else None,
        "via": via,
        "inVenv": bool(location) and os.path.realpath(location).startswith(prefix),
        "importable": any(importable(m) for m in r["imports"]),
    }
print(json.dumps(out))
"""


def with_facts(python, requirements):
    facts = inspect(python, requirements)
    return [(requirement, facts.get(requirement["id"], {})) for requirement in requirements]


def inspect(python, requirements):
    if not requirements:
        return {}
    payload = json.dumps([{"id": r["id"], "name": r["name"], "imports": r["imports"]} for r in requirements])
    done = subprocess.run([python, "-c", INSPECT, payload], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise RuntimeError("inspecting the venv failed: " + done.stderr.decode("utf-8", "replace")[-500:])
    return json.loads(done.stdout.decode("utf-8"))


def met_by_image(requirement, fact):
    version = fact.get("version")
    if version:
        return satisfies(version, requirement.get("specifier") or "")
    # A Debian module without metadata can only meet an unversioned requirement.
    return bool(fact.get("importable")) and not requirement.get("specifier")


def packaging_module(name):
    """`packaging`, from pip's vendored copy or Debian's python3-packaging (markers, specifiers)."""
    import importlib

    for prefix in ("pip._vendor.packaging.", "packaging."):
        try:
            return importlib.import_module(prefix + name)
        except ImportError:
            pass
    return None


def marker_evaluator():
    markers = packaging_module("markers")

    def evaluate(text):
        if not text or markers is None:
            return True
        try:
            return markers.Marker(text).evaluate()
        except Exception:
            return True  # pip will say what it thinks of a marker it cannot read either
    return evaluate


def satisfies(version, specifier):
    specifiers = packaging_module("specifiers")
    if not specifier:
        return True
    try:
        return specifiers is not None and specifiers.SpecifierSet(specifier).contains(version, prereleases=True)
    except Exception:
        return False


def wheelhouse_names(folder):
    """Normalised project names of the wheels and source archives in a wheel folder (from their file names)."""
    wheels, sdists = set(), set()
    if not folder or not os.path.isdir(folder):
        return wheels, sdists
    for entry in os.listdir(folder):
        lower = entry.lower()
        if lower.endswith(".whl"):
            wheels.add(normalize(entry.split("-")[0]))
        elif lower.endswith((".tar.gz", ".zip", ".tar.bz2")):
            sdists.add(normalize(entry.rsplit("-", 1)[0]))
    return wheels, sdists


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()
