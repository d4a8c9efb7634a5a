"""Notebook cells as call sites.

IPython compiles each cell under a file name of its own (ipykernel: a temporary `<hash>.py`) through
`CachingCompiler.cache`. Wrapping it tells us, for each such name, which code cell of the notebook it holds:
the raw cell source is matched against the notebook's code cells in order (MSPR_NOTEBOOK, relative to the
workspace). Without the notebook file, the execution count is used, which equals the code cell index when
nbconvert runs every non-empty cell once.
"""

import functools
import json
import os
import stat

from mspr_tracer import callsite, config, excepthook

_cells = None
_next = 0
_MAX_NOTEBOOK_BYTES = 64 * 1024 * 1024


def _code_cells():
    global _cells
    if _cells is None:
        _cells = []
        if config.notebook and config.workspace:
            path = os.path.join(config.workspace, config.notebook)
            info = os.stat(path)
            # Same cap as the grader's for notebooks (MSPR_MAX_TEXT_MB's default); past it, or for anything but
            # a regular file, cells are numbered by execution count instead of read into this process.
            if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_NOTEBOOK_BYTES:
                return _cells
            with open(path, encoding="utf-8") as handle:
                notebook = json.load(handle)
            for cell in notebook.get("cells", []):
                if cell.get("cell_type") == "code":
                    source = cell.get("source", "")
                    _cells.append("".join(source) if isinstance(source, list) else source)
    return _cells


def cell_index(raw_code, number):
    """1-based index of the code cell holding `raw_code`, searching forward from the last match."""
    global _next
    cells = _code_cells()
    for start, stop in ((_next, len(cells)), (0, _next)):
        for i in range(start, stop):
            if cells[i] == raw_code or cells[i].strip() == raw_code.strip():
                _next = i + 1
                return i + 1
    return number if isinstance(number, int) and number > 0 else None


def _patch(module, api):
    cls = getattr(module, "CachingCompiler", None)
    original = getattr(cls, "cache", None)
    if original is None or getattr(original, "__mspr_traced__", False):
        return

    @functools.wraps(original)
    def cache(self, transformed_code, number=0, raw_code=None):
        name = original(self, transformed_code, number, raw_code)
        try:
            index = cell_index(raw_code if raw_code is not None else transformed_code, number)
            if index is not None:
                callsite.cell_files[name] = index
        except Exception as error:  # noqa: BLE001
            api.report_error("ipython.cache", error)
        return name

    cache.__mspr_traced__ = True
    cls.cache = cache


def _patch_tracebacks(module, api):
    """Cell errors are shown by IPython, not sys.excepthook: strip the tracer's frames there too."""
    cls = getattr(module, "InteractiveShell", None)
    original = getattr(cls, "_get_exc_info", None)
    if original is None or getattr(original, "__mspr_traced__", False):
        return

    @functools.wraps(original)
    def _get_exc_info(self, exc_tuple=None):
        etype, value, tb = original(self, exc_tuple)
        try:
            if value is not None:
                value.__traceback__ = tb
                excepthook.clean(value)
                tb = value.__traceback__
        except Exception as error:  # noqa: BLE001
            api.report_error("ipython.traceback", error)
        return etype, value, tb

    _get_exc_info.__mspr_traced__ = True
    cls._get_exc_info = _get_exc_info


def register(api):
    api.on_import("IPython.core.compilerop", lambda module: _patch(module, api))
    api.on_import("IPython.core.interactiveshell", lambda module: _patch_tracebacks(module, api))
