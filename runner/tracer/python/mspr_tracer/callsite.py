"""Finds the candidate's code that made a library call: the innermost frame in a workspace file or a notebook cell.

Library frames (site-packages, the standard library) and the tracer's own are skipped. The verdict for each
filename is cached, so a call costs a short walk up the stack and a few dict lookups.
"""

import os
import sys

from . import config

#: Notebook cell files (ipykernel's temporary file names) -> 1-based code cell index; filled by ipython_hooks.
cell_files = {}
_file_cache = {}
_SKIPPED_PARTS = ("site-packages", "dist-packages", os.sep + ".venv" + os.sep, os.sep + "venv" + os.sep)


def candidate_path(filename):
    """Workspace-relative path for a candidate file, or None for everything else (libraries, the tracer)."""
    cached = _file_cache.get(filename, False)
    if cached is not False:
        return cached
    rel = None
    if filename and not filename.startswith("<"):
        path = os.path.realpath(filename)
        root = config.workspace
        if (
            root
            and path.startswith(root + os.sep)
            and not path.startswith(config.tracer_root + os.sep)
            and not any(part in path for part in _SKIPPED_PARTS)
        ):
            rel = os.path.relpath(path, root).replace(os.sep, "/")
    _file_cache[filename] = rel
    return rel


def find(skip=1):
    """(site, frame, direct) for the innermost candidate frame above the caller, or (None, None, False).

    `direct` is True when that frame made the call itself (no library frame in between): a generator such as
    KFold.split calling its parent class's split while the candidate iterates is not direct.
    """
    frame = sys._getframe(skip + 1)
    direct = True
    while frame is not None:
        filename = frame.f_code.co_filename
        cell = cell_files.get(filename)
        if cell is not None:
            return {"file": config.notebook or "<notebook>", "line": frame.f_lineno, "cell": cell}, frame, direct
        rel = candidate_path(filename)
        if rel is not None:
            return {"file": rel, "line": frame.f_lineno}, frame, direct
        direct = False
        frame = frame.f_back
    return None, None, False


def source_of(frame):
    """The stripped source line a frame is at (cells are in linecache too), capped; None when unknown."""
    if frame is None:
        return None
    import linecache  # on first use: it pulls in tokenize, which costs start-up time

    try:
        text = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()
    except Exception:  # noqa: BLE001
        return None
    return text[:200] or None
