"""Missing-value inspection (isna/isnull/info…), imputation (fillna) and row removal (dropna, drop_duplicates,
boolean filters, query, drop)."""

import functools
import sys

from mspr_tracer import api, callsite, context

from . import frame_facts, pandas_lineage, site_budget

INSPECTORS = ("isna", "isnull", "notna", "notnull", "info")
DROPPERS = ("dropna", "drop_duplicates", "query", "drop")


def inspect_handler(function):
    def handler(call):
        if not call.direct or not site_budget.allow(call, "missing_inspect"):
            return None
        target = call.args[0]
        fields = {"function": function, "input": frame_facts.frame_info(target)}

        def after(result, error):
            if error is None:
                api.emit("missing_inspect", call, **fields)

        return after

    return handler


def fillna_handler(call):
    if not call.direct:
        return None
    target = call.args[0]
    value = call.arg(1, "value")
    method = call.kwargs.get("method") or (call.args[2] if len(call.args) > 2 and isinstance(call.args[2], str) else None)
    inplace = bool(call.kwargs.get("inplace", False))
    # Everything about the column before imputation is measured now: after the call it is gone (inplace).
    events = []
    for column, series, fill in _fill_plans(target, value):
        fields = {
            "function": "fillna",
            "column": column,
            "on": "series" if frame_facts.is_series(target) else "frame",
            "obj": api.token(target),
            "rows": int(len(series)),
            "nulls_before": int(series.isna().sum()),
            "inplace": inplace,
        }
        if method is not None:
            fields["method"] = str(method)
        else:
            fields["value"] = api.safe(fill)
            fields.update(frame_facts.classify_fill(series, fill))
        events.append(fields)
    if not events:
        return None

    def after(result, error):
        filled = target if inplace else result
        for fields in events:
            if error is not None:
                fields["error"] = api.error_text(error)
            elif filled is not None:
                after_series = filled if frame_facts.is_series(filled) else _column(filled, fields["column"])
                if after_series is not None:
                    fields["nulls_after"] = int(after_series.isna().sum())
            if not inplace and error is None:
                fields["out"] = api.token(result)
            api.emit("impute", call, **fields)

    return after


def _column(frame, column):
    try:
        return frame[column] if column in frame.columns else None
    except Exception:  # noqa: BLE001
        return None


def _fill_plans(target, value):
    """[(column, series before, fill value)] for each column that has missing values and gets filled."""
    if frame_facts.is_series(target):
        return [(str(target.name), target, value)] if bool(target.hasnans) else []
    if not frame_facts.is_frame(target):
        return []
    nulls = target.isna().sum()
    holes = [c for c in target.columns if int(nulls[c]) > 0][: frame_facts.MAX_COLUMNS]
    plans = []
    for column in holes:
        if isinstance(value, dict) or frame_facts.is_series(value):
            if column not in value:
                continue
            fill = value[column]
        else:
            fill = value
        plans.append((str(column), target[column], fill))
    return plans


def drop_handler(function):
    def handler(call):
        if not call.direct or not site_budget.allow(call, "rows_dropped"):
            return None
        target = call.args[0]
        if not frame_facts.is_frame(target) and not frame_facts.is_series(target):
            return None
        if function == "drop" and (call.kwargs.get("columns") is not None or call.kwargs.get("axis") in (1, "columns")):
            return pandas_lineage.column_drop(call, target)  # dropping columns, not rows: a step of the frame's lineage
        before = frame_facts.frame_info(target)
        inplace = bool(call.kwargs.get("inplace", False))
        options = {k: api.safe(v, 1) for k, v in call.kwargs.items() if k in ("subset", "how", "thresh", "keep", "axis")}
        if function == "query":
            options["expr"] = str(call.arg(1, "expr"))[:200]

        def after(result, error):
            if error is not None:
                return
            output = target if inplace else result
            if not (frame_facts.is_frame(output) or frame_facts.is_series(output)):
                return
            rows_after = int(output.shape[0])
            if function in ("dropna", "drop") and frame_facts.is_frame(output) and int(output.shape[1]) < before["cols"]:
                return  # dropna(axis=1) removed columns
            api.emit("rows_dropped", call, function=function, input=before, rows_before=before["rows"], rows_after=rows_after,
                     removed=before["rows"] - rows_after, options=options or None, inplace=inplace,
                     out=None if inplace else api.token(result))

        return after

    return handler


def _filter_event(call, target, result):
    before = frame_facts.frame_info(target)
    rows_after = int(result.shape[0])
    api.emit("rows_dropped", call, function="filter", input=before, rows_before=before["rows"], rows_after=rows_after,
             removed=before["rows"] - rows_after, out=api.token(result), inplace=False)


def patch_boolean_filter(cls):
    """df[mask]: only a boolean mask is traced, and the test comes before any tracer work, because
    `df["col"]` is the hottest call in pandas code."""
    original = cls.__dict__.get("__getitem__")
    if original is None or getattr(original, "__mspr_traced__", False):
        return
    pd = frame_facts.pandas()

    def handler(call):
        # `direct` is decided in getitem below: this handler sits one tracer frame further from the caller.
        if not site_budget.allow(call, "rows_dropped"):
            return None
        target = call.args[0]
        return lambda result, error: error is None and frame_facts.is_frame(result) and _filter_event(call, target, result)

    traced = api.traced(original, handler, cls.__name__ + ".__getitem__[mask]")
    select = api.traced(original, pandas_lineage.select_handler, cls.__name__ + ".__getitem__[columns]")

    @functools.wraps(original)
    def getitem(self, key):
        if isinstance(key, pd.Series) and key.dtype == bool and not context.state().depth and _candidate_caller():
            return traced(self, key)
        if type(key) is list and not context.state().depth and _candidate_caller():
            return select(self, key)  # df[["a", "b"]]: a column selection, a step of the frame's lineage
        return original(self, key)

    getitem.__mspr_traced__ = True
    cls.__getitem__ = getitem


def _candidate_caller():
    code = sys._getframe(2).f_code.co_filename
    return code in callsite.cell_files or callsite.candidate_path(code) is not None


def patch(pd):
    for cls in (pd.DataFrame, pd.Series):
        for name in INSPECTORS:
            api.patch_method(cls, name, inspect_handler(name))
        api.patch_method(cls, "fillna", fillna_handler)
        for name in DROPPERS:
            api.patch_method(cls, name, drop_handler(name))
    patch_boolean_filter(pd.DataFrame)
