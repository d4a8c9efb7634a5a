"""Files the candidate's code writes that may hold results: *.json, *.csv, *.yaml, *.yml (a metrics file).

One `file_write` event per write: `json.dump` / `yaml.dump` / `yaml.safe_dump` into an open file, `Path.write_text`,
or `open(path, "w"|"a"|"x")` of such a name. The event ties the file to the process (and so the step and the
script) that wrote it; what it holds is read by the checks from the workspace afterwards. pandas' `to_csv` and
`to_json` are `data_write` events already. `open` is wrapped with a test on its mode and name first: reading
files (the vast majority of calls) goes straight to the original.
"""

import builtins
import functools
import os

from mspr_tracer import api

from . import site_budget
from .data_sources import describe_path
from .pandas_cleaning import candidate_caller

EXTENSIONS = (".json", ".csv", ".yaml", ".yml")


def _results_file(path):
    try:
        text = os.fspath(path)
    except TypeError:
        return False
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return isinstance(text, str) and text.lower().endswith(EXTENSIONS)


def _emit(call, function, path, mode=None):
    if not site_budget.allow(call, "file_write"):
        return
    api.emit("file_write", call, function=function, target=describe_path(path), mode=mode)


def _dump_handler(function, stream_index, stream_name):
    def handler(call):
        stream = call.arg(stream_index, stream_name)
        name = getattr(stream, "name", None)
        if not call.direct or not isinstance(name, str) or not _results_file(name):
            return None
        return lambda result, error: error is None and _emit(call, function, name, getattr(stream, "mode", None))

    return handler


def _write_text_handler(call):
    path = call.args[0] if call.args else None
    if not call.direct or path is None or not _results_file(path):
        return None
    return lambda result, error: error is None and _emit(call, "Path.write_text", path, "w")


def _open_handler(call):
    path = call.arg(0, "file")
    return lambda result, error: error is None and _emit(call, "open", path, str(call.arg(1, "mode", "r")))


def _patch_open():
    original = builtins.open
    if getattr(original, "__mspr_traced__", False):
        return
    traced = api.traced(original, _open_handler, "open")

    @functools.wraps(original)
    def open_(*args, **kwargs):
        mode = args[1] if len(args) > 1 else kwargs.get("mode", "r")
        if isinstance(mode, str) and ("w" in mode or "a" in mode or "x" in mode):
            path = args[0] if args else kwargs.get("file")
            if not isinstance(path, int) and _results_file(path) and candidate_caller():
                return traced(*args, **kwargs)
        return original(*args, **kwargs)

    open_.__mspr_traced__ = True
    builtins.open = open_


def _patch_json(json):
    api.patch_function(json, "dump", _dump_handler("json.dump", 1, "fp"))


def _patch_yaml(yaml):
    for name in ("dump", "safe_dump"):
        api.patch_function(yaml, name, _dump_handler("yaml." + name, 1, "stream"))


def _patch_pathlib(pathlib):
    api.patch_method(pathlib.Path, "write_text", _write_text_handler, name="Path.write_text")


def register(api):
    _patch_open()
    api.on_import("json", _patch_json)
    api.on_import("yaml", _patch_yaml)
    api.on_import("pathlib", _patch_pathlib)
