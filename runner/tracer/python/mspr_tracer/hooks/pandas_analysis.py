"""Descriptive statistics (describe, mean, median, quantile, value_counts, mode, corr…), combinations of
frames (merge, join, concat, groupby) and first rows shown (head)."""

from mspr_tracer import api

from . import frame_facts, hand_metrics, site_budget

STATS = ("describe", "mean", "median", "quantile", "value_counts", "mode", "corr", "std", "var", "min", "max", "nunique")
COMBINERS = ("merge", "join", "groupby", "pivot_table")
#: Set by chart_hooks: told the token of every correlation matrix, so a heatmap of it is recognised.
on_corr = None


def stats_handler(function):
    def handler(call):
        if not call.direct or not site_budget.allow(call, "stats"):
            return None
        target = call.args[0] if call.args else None
        info = frame_facts.frame_info(target) if target is not None else None
        options = {k: api.safe(v, 1) for k, v in call.kwargs.items() if k in ("q", "normalize", "method", "numeric_only", "include", "percentiles")}
        if function == "quantile" and len(call.args) > 1:
            options["q"] = api.safe(call.args[1], 1)

        def after(result, error):
            if error is not None:
                return
            fields = {"function": function, "on": "series" if frame_facts.is_series(target) else "frame", "input": info, "options": options or None}
            if function in ("corr", "describe", "crosstab") and frame_facts.is_frame(result):
                fields["out"] = api.token(result)
                if function == "corr" and on_corr is not None:
                    on_corr(fields["out"])
                fields["shape"] = [int(result.shape[0]), int(result.shape[1])]
                if function == "describe":
                    fields["rows"] = [str(i) for i in list(result.index)[:20]]
            elif function == "value_counts" and (frame_facts.is_series(result)):
                fields["modalities"] = int(len(result))
            api.emit("stats", call, **fields)

        # `((y_test - y_pred) ** 2).mean()`: a metric by hand when the line says so (see hand_metrics).
        metric = hand_metrics.plan(call, function) if function == "mean" and frame_facts.is_series(target) else None
        if metric is None:
            return after

        def both(result, error):
            after(result, error)
            metric(result, error)

        return both

    return handler


def crosstab_handler(call):
    if not call.direct:
        return None

    def after(result, error):
        if error is None:
            api.emit("stats", call, function="crosstab", on="series", input=None, out=api.token(result))

    return after


def combine_handler(function):
    def handler(call):
        if not call.direct or not site_budget.allow(call, "combine"):
            return None
        if function == "concat":
            objs = call.arg(0, "objs")
            items = list(objs.values()) if isinstance(objs, dict) else list(objs) if isinstance(objs, (list, tuple)) else []
            inputs = [frame_facts.frame_info(o) for o in items[:20]]
        else:
            first = call.args[0] if call.args else None
            second = call.arg(1, "right" if function == "merge" else "other") if function in ("merge", "join") else None
            inputs = [frame_facts.frame_info(first)] + ([frame_facts.frame_info(second)] if second is not None and not isinstance(second, list) else [])
        keys = {k: api.safe(v, 1) for k, v in call.kwargs.items() if k in ("on", "left_on", "right_on", "how", "by", "index", "columns", "values", "aggfunc", "axis", "keys")}
        if function == "groupby" and len(call.args) > 1:
            keys["by"] = api.safe(call.args[1], 1)
        if function == "merge" and "on" not in keys and len(call.args) > 3 and call.args[3] is not None:
            keys["on"] = api.safe(call.args[3], 1)

        def after(result, error):
            fields = {"function": function, "inputs": [i for i in inputs if i], "keys": keys or None}
            if error is not None:
                fields["error"] = api.error_text(error)
            elif frame_facts.is_frame(result) or frame_facts.is_series(result):
                fields["output"] = frame_facts.frame_info(result)
            api.emit("combine", call, **fields)

        return after

    return handler


def head_handler(call):
    if not call.direct or not site_budget.allow(call, "head"):
        return None
    target = call.args[0]
    n = call.arg(1, "n", 5)

    def after(result, error):
        if error is None:
            api.emit("head", call, function=call.name.rsplit(".", 1)[-1], n=api.safe(n), input=frame_facts.frame_info(target))

    return after


def patch(pd):
    for cls in (pd.DataFrame, pd.Series, pd.core.generic.NDFrame, pd.core.base.IndexOpsMixin):
        for name in STATS:
            api.patch_method(cls, name, stats_handler(name), name="%s.%s" % (cls.__name__, name))
    api.patch_function(pd, "crosstab", crosstab_handler)
    for cls in (pd.DataFrame, pd.Series):
        for name in COMBINERS:
            api.patch_method(cls, name, combine_handler(name))
    api.patch_function(pd, "merge", combine_handler("merge"))
    api.patch_function(pd, "concat", combine_handler("concat"))
    api.patch_function(pd, "pivot_table", combine_handler("pivot_table"))
    api.patch_method(pd.core.generic.NDFrame, "head", head_handler, name="DataFrame.head")
