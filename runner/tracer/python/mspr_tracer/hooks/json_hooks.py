"""`json.load(f)` of a data file: a source read without pandas (records then often loaded row by row).

One `data_read` event per call on a named file: its path and, when the document is a list of records (or an
object holding one such list, as data portals export them), how many there are and the first record's keys.
Nothing is iterated: the count is a `len`, the columns one record's keys.
"""

from mspr_tracer import api

from . import frame_facts, site_budget
from .data_sources import describe_path


def _records(document):
    if isinstance(document, dict):
        lists = [v for v in document.values() if isinstance(v, list)]
        document = lists[0] if len(lists) == 1 else None
    if not isinstance(document, list):
        return None
    first = document[0] if document and isinstance(document[0], dict) else None
    columns = [str(k) for k in list(first)[: frame_facts.MAX_COLUMNS]] if first is not None else None
    return {"rows": len(document), "cols": len(columns) if columns is not None else None, "columns": columns, "kind": "records"}


def _load_handler(call):
    source = call.arg(0, "fp")
    name = getattr(source, "name", None)
    if not call.direct or not isinstance(name, str) or not site_budget.allow(call, "data_read"):
        return None
    origin = describe_path(name)
    origin["format"] = "json"

    def after(result, error):
        api.emit("data_read", call, function="json.load", origin=origin, output=_records(result) if error is None else None,
                 encoding=getattr(source, "encoding", None), error=api.error_text(error))

    return after


def _patch(json):
    api.patch_function(json, "load", _load_handler, "json.load")


def register(api):
    api.on_import("json", _patch)
