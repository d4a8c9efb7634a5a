"""Text shortened with pandas' string accessor: `s.str[:n]`, `s.str.slice(0, n)` (also after `astype(str)`).

One `text_slice` event per call: the column, the slice, the longest value before and how many values the slice
cut. db/no-truncation shows it as the place a loaded value was shortened.
"""

from mspr_tracer import api

from . import site_budget


def _slice_handler(function):
    def handler(call):
        if not call.direct:
            return None
        accessor = call.args[0]
        if function == "slice":
            start, stop, step = call.arg(1, "start"), call.arg(2, "stop"), call.arg(3, "step")
        else:
            key = call.args[1] if len(call.args) > 1 else None
            if not isinstance(key, slice):
                return None
            start, stop, step = key.start, key.stop, key.step
        if not isinstance(stop, int) or stop < 0 or not site_budget.allow(call, "text_slice"):
            return None
        series = getattr(accessor, "_orig", None)
        try:
            lengths = series.str.len()
            longest = api.number(lengths.max())
            cut = int((lengths > stop).sum()) if start in (None, 0) and step in (None, 1) else None
        except Exception:  # noqa: BLE001 - not a text column after all
            return None
        fields = {"function": "str.slice" if function == "slice" else "str[]", "column": None if series is None else str(series.name),
                  "start": start, "stop": stop, "stride": step, "rows": api.rows_of(series), "longest": int(longest) if longest is not None else None, "cut": cut}

        def after(result, error):
            if error is None:
                api.emit("text_slice", call, out=api.token(result), **fields)

        return after

    return handler


def patch(pd):
    accessor = getattr(getattr(getattr(pd.core, "strings", None), "accessor", None), "StringMethods", None)
    if accessor is None:
        return
    api.patch_method(accessor, "slice", _slice_handler("slice"), name="Series.str.slice")
    api.patch_method(accessor, "__getitem__", _slice_handler("getitem"), name="Series.str.__getitem__")
