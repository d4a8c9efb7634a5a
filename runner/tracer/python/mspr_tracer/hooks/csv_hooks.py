"""The csv module: files read row by row with `csv.reader` / `csv.DictReader` (rows then often filtered in a loop or
a list comprehension before an `executemany`).

One `data_read` event per reader made on a named file: its path and dialect options. The rows it yields are not
counted (that would cost on every row); the checks read the file itself to know how many it holds.
"""

from mspr_tracer import api

from . import site_budget
from .data_sources import describe_path

_OPTIONS = ("delimiter", "quotechar", "fieldnames", "dialect")


def _reader_handler(function, index=0):
    """`index`: where the file is among the arguments (DictReader.__init__ has `self` first)."""

    def handler(call):
        source = call.arg(index, "f")
        name = getattr(source, "name", None)
        if not call.direct or not isinstance(name, str) or not site_budget.allow(call, "data_read"):
            return None
        options = {k: api.safe(v, 1) for k, v in call.kwargs.items() if k in _OPTIONS and not callable(v)}
        origin = describe_path(name)
        origin["format"] = "csv"

        def after(result, error):
            columns = _header(name, getattr(source, "encoding", None), call.kwargs.get("delimiter", ","))
            output = {"columns": columns, "cols": len(columns)} if columns and error is None else None
            api.emit("data_read", call, function=function, origin=origin, options=options or None, encoding=getattr(source, "encoding", None),
                     output=output, error=api.error_text(error))

        return after

    return handler


def _header(path, encoding, delimiter):
    """The file's first row (its column names), read apart: the candidate's file object is not touched."""
    import csv

    try:
        with open(path, newline="", encoding=encoding or "utf-8", errors="replace") as f:
            line = f.readline(65536)
        row = next(csv.reader([line], delimiter=delimiter if isinstance(delimiter, str) and len(delimiter) == 1 else ","), [])
        return [str(c).strip().lstrip("\ufeff") for c in row][:100]
    except Exception:  # noqa: BLE001 - unreadable: the event goes without columns
        return None


def _patch(csv):
    api.patch_function(csv, "reader", _reader_handler("csv.reader"), "csv.reader")
    dict_reader = getattr(csv, "DictReader", None)
    if dict_reader is not None:
        api.patch_method(dict_reader, "__init__", _reader_handler("csv.DictReader", 1), name="csv.DictReader")


def register(api):
    api.on_import("csv", _patch)
