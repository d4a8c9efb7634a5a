"""Imputation, however it is written: fillna, replace(np.nan, …), interpolate/ffill/bfill, `.loc[mask, col] = v`,
and group-wise fills (`groupby(key)[col].transform(lambda s: s.fillna(s.median()))`, or `fillna` with a
`groupby(key)[col].transform("median")`).

Each is one `impute` event per column that had holes, named after the real column (never a group key), with the
column's statistics measured before the call and the statistic the fill value equals; group-wise fills carry `by`
(the group keys) and the statistic the filled cells equal group by group.
"""

import functools

from mspr_tracer import api, context

from . import frame_facts, group_fills, site_budget
from .pandas_cleaning import candidate_caller

#: Methods that fill holes without a value: the event says which (`interpolate:linear`, `ffill`…).
METHOD_FILLERS = ("interpolate", "ffill", "bfill", "pad", "backfill")


def fillna_handler(call):
    if not call.direct:
        return None
    target = call.args[0]
    value = call.arg(1, "value")
    method = call.kwargs.get("method") or (call.args[2] if len(call.args) > 2 and isinstance(call.args[2], str) else None)
    if method is not None:
        return _emitter(call, "fillna", target, [(c, s, None) for c, s in holes_of(target)], bool(call.kwargs.get("inplace", False)), method=str(method))
    return _emitter(call, "fillna", target, _fill_plans(target, value), bool(call.kwargs.get("inplace", False)))


def method_fill_handler(function):
    def handler(call):
        if not call.direct:
            return None
        target = call.args[0]
        method = function
        if function == "interpolate":
            how = call.arg(1, "method", "linear")
            method = "interpolate:%s" % (how if isinstance(how, str) else "linear")
        plans = [(c, s, None) for c, s in holes_of(target)]
        return _emitter(call, function, target, plans, bool(call.kwargs.get("inplace", False)), method=method)

    return handler


def replace_handler(call):
    """replace(np.nan, v), replace([np.nan], v), replace({np.nan: v}), replace({col: {np.nan: v}}), replace({col: np.nan}, v)."""
    if not call.direct:
        return None
    target = call.args[0]
    to_replace = call.arg(1, "to_replace")
    value = call.arg(2, "value")
    fills = _replace_fills(to_replace, value)
    if fills is None:
        return None
    plans = []
    for column, series in holes_of(target):
        fill = fills.get(column, fills.get(None, _NOTHING)) if isinstance(fills, dict) else fills
        if fill is not _NOTHING:
            plans.append((column, series, fill))
    return _emitter(call, "replace", target, plans, bool(call.kwargs.get("inplace", False)))


_NOTHING = object()


def _is_missing(value):
    pd = frame_facts.pandas()
    if value is None:
        return False  # replace(None, …) means something else in pandas (the `method` fill)
    if isinstance(value, float) and value != value:
        return True
    return pd is not None and (value is pd.NA or value is pd.NaT)


def _replace_fills(to_replace, value):
    """The fill value for every column ({None: v}), per column ({col: v}), or None when nothing fills holes."""
    if _is_missing(to_replace):
        return {None: value}
    if isinstance(to_replace, (list, tuple)) and any(_is_missing(v) for v in to_replace):
        return {None: value}
    if isinstance(to_replace, dict):
        fills = {}
        for key, item in to_replace.items():
            if _is_missing(key):
                fills[None] = item
            elif isinstance(item, dict):
                found = [v for k, v in item.items() if _is_missing(k)]
                if found:
                    fills[str(key)] = found[0]
            elif _is_missing(item) and value is not None and not _is_missing(value):
                fills[str(key)] = value
        return fills or None
    return None


def holes_of(target):
    """[(column, series)] for each column (at most MAX_COLUMNS) of a frame or series that has missing values."""
    if frame_facts.is_series(target):
        return [(str(target.name), target)] if bool(target.hasnans) else []
    if not frame_facts.is_frame(target):
        return []
    nulls = target.isna().sum()
    return [(str(c), target[c]) for c in target.columns if int(nulls[c]) > 0][: frame_facts.MAX_COLUMNS]


def _fill_plans(target, value):
    """[(column, series before, fill value)] for each column that has missing values and gets filled."""
    plans = []
    for column, series in holes_of(target):
        if isinstance(value, dict) or (frame_facts.is_series(value) and frame_facts.is_frame(target)):
            if column not in value:
                continue
            plans.append((column, series, value[column]))
        else:
            plans.append((column, series, value))
    return plans


def describe_fill(series, fill):
    """The fields that say what a fill value is: a scalar compared with the column's statistics, a group
    statistic (`by`), or a series of values nothing names."""
    group = group_fills.statistic_of(fill)
    if group is not None:
        stat, by = group
        return {"kind": frame_facts.kind_of(series), "matches": [stat] if stat else [], "by": by, "value": "%s by %s" % (stat or "?", ", ".join(by))}
    if frame_facts.is_series(fill) or getattr(fill, "ndim", 0) >= 1:
        return {"kind": frame_facts.kind_of(series), "matches": [], "value": {"class": type(fill).__name__}, "from_values": True}
    fields = {"value": api.safe(fill)}
    fields.update(frame_facts.classify_fill(series, fill))
    return fields


def _emitter(call, function, target, plans, inplace, method=None):
    """Measures every planned column now (after the call, inplace, it is gone) and returns the `after` that emits."""
    events = []
    for column, series, fill in plans:
        fields = {
            "function": function,
            "column": column,
            "on": "series" if frame_facts.is_series(target) else "frame",
            "obj": api.token(target),
            "rows": int(len(series)),
            "nulls_before": int(series.isna().sum()),
            "inplace": inplace,
        }
        if method is not None:
            fields["method"] = method
            fields["kind"] = frame_facts.kind_of(series)
        else:
            fields.update(describe_fill(series, fill))
        events.append(fields)
    if not events:
        return None

    def after(result, error):
        filled = target if inplace or result is None else result
        for fields in events:
            if error is not None:
                fields["error"] = api.error_text(error)
            else:
                after_series = filled if frame_facts.is_series(filled) else column_of(filled, fields["column"])
                if after_series is not None:
                    fields["nulls_after"] = int(after_series.isna().sum())
                if not inplace and result is not None:
                    fields["out"] = api.token(result)
            api.emit("impute", call, **fields)

    return after


def column_of(frame, column):
    try:
        return frame[column] if frame_facts.is_frame(frame) and column in frame.columns else None
    except Exception:  # noqa: BLE001
        return None


def loc_handler(call):
    """`df.loc[df[c].isna(), c] = v` (a boolean row mask, one column or a list): an in-place imputation."""
    if not site_budget.allow(call, "impute", 100):
        return None
    indexer, key, value = call.args[0], call.args[1], call.args[2]
    frame = getattr(indexer, "obj", None)
    rows, cols = key
    if not frame_facts.is_frame(frame) or getattr(getattr(rows, "dtype", None), "kind", None) != "b":
        return None
    names = cols if isinstance(cols, list) else [cols]
    plans = []
    for name in names[: frame_facts.MAX_COLUMNS]:
        series = column_of(frame, name)
        if series is not None and bool(series.hasnans):
            plans.append((str(name), series, value))
    if not plans:
        return None
    return _emitter(call, "loc", frame, plans, True)


def _patch_loc(pd):
    """Only `.loc[mask, column] = …` called from the candidate's code reaches the handler; the test comes first,
    because `.loc` assignment is common in loops."""
    cls = pd.core.indexing._LocationIndexer
    original = cls.__dict__.get("__setitem__")
    if original is None or getattr(original, "__mspr_traced__", False):
        return
    traced = api.traced(original, loc_handler, "DataFrame.loc.__setitem__")

    @functools.wraps(original)
    def setitem(self, key, value):
        if type(key) is tuple and len(key) == 2 and getattr(self, "name", None) == "loc" and not context.state().depth and candidate_caller():
            return traced(self, key, value)
        return original(self, key, value)

    setitem.__mspr_traced__ = True
    cls.__setitem__ = setitem


def patch(pd):
    for cls in (pd.DataFrame, pd.Series):
        api.patch_method(cls, "fillna", fillna_handler)
        api.patch_method(cls, "replace", replace_handler)
        for name in METHOD_FILLERS:
            api.patch_method(cls, name, method_fill_handler(name))
    _patch_loc(pd)
    group_fills.patch(pd)
