"""Group-wise imputation: `df.groupby(key)[col].transform(lambda s: s.fillna(s.median()))` (or `apply`), and the
group statistics (`groupby(key)[col].transform("median")`) a later `fillna` uses as its value.

Inside a traced transform the candidate's lambda runs at depth > 0, so its `fillna` calls — one per group, on a
series named after the group's key — are not recorded on their own: the transform's event names the real column,
the group keys and the statistic the filled cells equal group by group (median, mean or mode, rounded or not).
"""

import weakref

from mspr_tracer import api

from . import frame_facts, site_budget

_STATISTICS = {"mean": "mean", "median": "median", "nanmean": "mean", "nanmedian": "median", "average": "mean"}
#: Group statistics a transform returned, by id: (weak reference, statistic, group keys). Kept small.
_results = {}
#: Beyond this many groups the per-group mode of a categorical column is not computed.
MAX_MODE_GROUPS = 5000


def statistic_of(value):
    """(statistic, group keys) when `value` is a group statistic a traced transform returned; otherwise None."""
    entry = _results.get(id(value))
    if entry is None or entry[0]() is not value:
        return None
    return entry[1], entry[2]


def _remember(result, statistic, by):
    try:
        ref = weakref.ref(result)
    except TypeError:
        return
    if len(_results) > 200:
        for key in [k for k, (r, _, _) in _results.items() if r() is None]:
            del _results[key]
    _results[id(result)] = (ref, statistic, by)


def group_keys(grouped):
    try:
        names = list(grouped.grouper.names)
    except Exception:  # noqa: BLE001
        names = []
    return [str(n) if n is not None else "?" for n in names][:10] or ["?"]


def _columns(grouped):
    """[(column name, SeriesGroupBy, original series)] for the columns a groupby selection covers."""
    selected = getattr(grouped, "_selected_obj", None)
    if frame_facts.is_series(selected):
        return [(str(selected.name), grouped, selected)]
    if not frame_facts.is_frame(selected):
        return []
    keys = set(group_keys(grouped))
    return [(str(c), grouped[c], selected[c]) for c in list(selected.columns)[: frame_facts.MAX_COLUMNS] if str(c) not in keys]


def _named_statistic(func):
    if isinstance(func, str):
        return _STATISTICS.get(func)
    return _STATISTICS.get(getattr(func, "__name__", None)) if getattr(func, "__module__", "") in ("numpy", "numpy.core.fromnumeric", "numpy.lib.nanfunctions") else None


def transform_handler(method):
    def handler(call):
        if not call.direct or not site_budget.allow(call, "group_transform"):
            return None
        grouped = call.args[0]
        func = call.arg(1, "func")
        columns = _columns(grouped)
        holes = [(name, sub, series, int(series.isna().sum())) for name, sub, series in columns if bool(series.hasnans)]
        by = group_keys(grouped)
        named = _named_statistic(func)

        def after(result, error):
            if error is not None or result is None:
                return
            if frame_facts.is_series(result) and named is not None:
                _remember(result, named, by)
            if named is not None:
                return  # a statistic per group (a later fillna uses it), not a fill
            for name, sub, series, before in holes:
                filled = result if frame_facts.is_series(result) else _column(result, name)
                if filled is None or not filled.index.equals(series.index):
                    continue
                after_nulls = int(filled.isna().sum())
                if after_nulls >= before:
                    continue
                kind = frame_facts.kind_of(series)
                fields = {"function": "groupby.%s" % method, "column": name, "by": by, "on": "series", "rows": int(len(series)),
                          "nulls_before": before, "nulls_after": after_nulls, "inplace": False, "kind": kind, "out": api.token(result)}
                fields["matches"] = _group_matches(sub, series, filled, kind, call.source or "")
                constant = _constant(series, filled) if not fields["matches"] else _NONE
                if constant is not _NONE:
                    # The same value in every group (`lambda s: s.fillna(-1)`): a constant, judged as one.
                    del fields["by"]
                    fields["value"] = api.safe(constant)
                    fields.update(frame_facts.classify_fill(series, constant))
                else:
                    fields["value"] = "%s by %s" % (fields["matches"][0] if fields["matches"] else "?", ", ".join(by))
                    stats = {"mean": api.number(series.mean())} if kind == "numeric" else {}
                    if kind == "numeric":
                        stats["median"] = api.number(series.median())
                    fields["stats"] = {k: v for k, v in stats.items() if v is not None}
                api.emit("impute", call, **fields)

        return after

    return handler


def _column(frame, name):
    try:
        return frame[name] if frame_facts.is_frame(frame) and name in frame.columns else None
    except Exception:  # noqa: BLE001
        return None


def _group_matches(sub, series, filled, kind, source):
    """Which group statistic every filled cell equals (exactly or rounded to 1–6 decimals)."""
    mask = series.isna() & filled.notna()
    if not bool(mask.any()):
        return []
    got = filled[mask]
    found = []
    if kind == "numeric":
        order = ("mean", "median") if "mean" in source and "median" not in source else ("median", "mean")
        for stat in order:
            if _same(got, sub.transform(stat)[mask]):
                found.append(stat)
    elif sub.ngroups <= MAX_MODE_GROUPS and _modes_match(sub, series, filled):
        found.append("mode")
    return found


_NONE = object()


def _constant(series, filled):
    """The one value every filled cell holds, or _NONE when they differ."""
    values = filled[series.isna() & filled.notna()].unique()
    return values[0] if len(values) == 1 else _NONE


def _modes_match(sub, series, filled):
    """Every filled cell holds one of its group's most frequent values (ties: any of them)."""
    holes = series.isna().to_numpy()
    for positions in sub.indices.values():
        gaps = [p for p in positions if holes[p]]
        if not gaps:
            continue
        counts = series.iloc[positions].value_counts(dropna=True)
        if counts.empty:
            return False
        top = counts.iloc[0]
        modes = {str(v) for v, c in counts.items() if c == top}
        if any(str(filled.iloc[p]) not in modes for p in gaps):
            return False
    return True


def _same(got, reference):
    import numpy as np
    try:
        a = got.to_numpy(dtype=float)
        b = reference.to_numpy(dtype=float)
    except (TypeError, ValueError):
        return False
    if np.allclose(a, b, rtol=1e-9, atol=1e-12):
        return True
    return any(np.allclose(a, np.round(b, k), rtol=1e-12, atol=1e-12) for k in range(1, 7))


def patch(pd):
    generic = getattr(getattr(pd.core, "groupby", None), "generic", None)
    for name in ("SeriesGroupBy", "DataFrameGroupBy"):
        cls = getattr(generic, name, None)
        if cls is None:
            continue
        api.patch_method(cls, "transform", transform_handler("transform"))
        api.patch_method(cls, "apply", transform_handler("apply"))
    base = getattr(getattr(getattr(pd.core, "groupby", None), "groupby", None), "GroupBy", None)
    if base is not None:
        api.patch_method(base, "apply", transform_handler("apply"))
