"""Reads a request on stdin, writes the facts on stdout (one JSON document each way).

Request: {"files": {path: text}, "entries": [{"step": id, "entry": path or null}], "limits": {...}}. The texts are
the grader's copies of the team's sources (read with the grader's caps): this process opens no path of the team's.
Response: {"reader": version, "entries": [{"step", "entry", "files", "events"}], "problems": [...]}. A step without
an entry (a Makefile, `python -m …`) is read from every notebook and every script no other script imports.
With `"mode": "imports"` only `files` is read and the response is {"reader", "imports", "problems"} (import_list.py).
"""

import ast
import json
import sys

from . import __version__
from .emit import Sink
from .imports import module_path, _roots
from .import_list import list_imports
from .interpreter import Reader


def _imported(files):
    """Files some other file imports (so not entries of their own)."""
    probe = Reader(files, Sink(), [])
    imported = set()
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        probe.entry = path
        for node in ast.walk(tree):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
            for name in names:
                found = module_path(probe, name, _roots(probe, path))
                if found and found != path:
                    imported.add(found)
    return imported


def entries_for(request_entries, files):
    imported = None
    for item in request_entries:
        entry = item.get("entry")
        if entry in files:
            yield item.get("step"), [entry]
            continue
        if imported is None:
            imported = _imported(files)
        yield item.get("step"), sorted(p for p in files if p.endswith(".ipynb") or (p.endswith(".py") and p not in imported))


def main():
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    files = {str(k): str(v) for k, v in (request.get("files") or {}).items()}
    limits = request.get("limits") or {}
    problems = []
    if request.get("mode") == "imports":
        imports = list_imports(files, problems)
        json.dump({"reader": __version__, "imports": imports, "problems": problems}, sys.stdout, ensure_ascii=False, allow_nan=False, default=str)
        sys.stdout.write("\n")
        return
    out = []
    for step, paths in entries_for(request.get("entries") or [], files):
        for path in paths:
            sink = Sink()
            reader = Reader(files, sink, problems, max_nodes=int(limits.get("maxNodes", 400000)), max_seconds=float(limits.get("maxSeconds", 10)))
            reader.read_entry(path)
            if sink.full:
                problems.append("%s: more facts than the reader keeps (%d)" % (path, len(sink.events)))
            out.append({"step": step, "entry": path, "files": sorted(reader.units), "events": sink.events})
    json.dump({"reader": __version__, "entries": out, "problems": problems}, sys.stdout, ensure_ascii=False, allow_nan=False, default=str)
    sys.stdout.write("\n")
