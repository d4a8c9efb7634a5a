"""The API hook modules use (see runner/tracer/README.md). Everything a hook needs is re-exported here.

A hook module `mspr_tracer/hooks/<lib>_hooks.py` defines `register(api)` and, in it, calls
`api.on_import("<module>", patch_fn)`; `patch_fn(module)` then calls `api.patch_function` / `api.patch_method`
with handlers. A handler receives a `Call` before the original runs and returns None or `after(result, error)`,
which typically calls `api.emit(...)`.
"""

from . import errors, writer
from .data import cols_of, describe, fingerprint, n_unique, rows_of, value_kind
from .errors import error_text
from .identity import token
from .importhook import on_import
from .jsonsafe import number, safe
from .wrap import Call, patch_function, patch_method, traced

__all__ = [
    "Call",
    "cols_of",
    "describe",
    "emit",
    "error_text",
    "fingerprint",
    "n_unique",
    "number",
    "on_import",
    "patch_function",
    "patch_method",
    "report_error",
    "rows_of",
    "safe",
    "token",
    "traced",
    "value_kind",
]


def emit(event_type, call=None, **fields):
    """Writes one event. With a Call, the event gets the candidate's `site` and `source` line, and
    `truncated: true` when the call went over its site's budget for this event type.

    Field values are made JSON-safe here; returns the event's seq (or None when writing failed).
    """
    try:
        site = None
        if call is not None:
            site = call.site
            if call.source and "source" not in fields:
                fields["source"] = call.source
            if call.truncated and event_type in call.truncated:
                fields["truncated"] = True
        return writer.write(event_type, {k: safe(v) for k, v in fields.items() if v is not None}, site)
    except Exception as error:  # noqa: BLE001
        errors.report("emit:" + event_type, error)
        return None


def report_error(where, error):
    """Records a hook's own failure as a tracer_error event."""
    errors.report(where, error)
