"""Missing-value inspection (isna/isnull/info…) and row removal (dropna, drop_duplicates, boolean filters, query,
drop); imputation is pandas_imputation's."""

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
        if isinstance(key, pd.Series) and key.dtype == bool and not context.state().depth and candidate_caller():
            return traced(self, key)
        if type(key) is list and not context.state().depth and candidate_caller():
            return select(self, key)  # df[["a", "b"]]: a column selection, a step of the frame's lineage
        return original(self, key)

    getitem.__mspr_traced__ = True
    cls.__getitem__ = getitem


def candidate_caller():
    code = sys._getframe(2).f_code.co_filename
    return code in callsite.cell_files or callsite.candidate_path(code) is not None


def patch(pd):
    for cls in (pd.DataFrame, pd.Series):
        for name in INSPECTORS:
            api.patch_method(cls, name, inspect_handler(name))
        for name in DROPPERS:
            api.patch_method(cls, name, drop_handler(name))
    patch_boolean_filter(pd.DataFrame)
