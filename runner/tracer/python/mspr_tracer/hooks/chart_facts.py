"""What the chart hooks share: the kind of a plotting call, column names of its data, correlation matrices,
and the `plot` event itself."""

import sys

from mspr_tracer import api

from . import frame_facts, site_budget
from .chart_kinds import KINDS  # re-exported: chart_matplotlib reads chart_facts.KINDS

#: Only the first corr results are remembered: that is what a heatmap is compared with.
_corr_tokens = set()


def remember_corr(token):
    if len(_corr_tokens) < 200:
        _corr_tokens.add(token)


def is_correlation(data):
    """True for the result of .corr() or anything shaped like one (square, ±1 bounded, unit diagonal)."""
    if data is None:
        return False
    try:
        if api.token(data) in _corr_tokens:
            return True
    except Exception:  # noqa: BLE001
        pass
    np = sys.modules.get("numpy")
    if np is None:
        return False
    try:
        values = data.to_numpy() if hasattr(data, "to_numpy") else np.asarray(data)
        if values.ndim != 2 or values.shape[0] != values.shape[1] or not 2 <= values.shape[0] <= 300:
            return False
        values = values.astype(float)
        finite = values[np.isfinite(values)]
        return bool(finite.size and np.all(np.abs(finite) <= 1 + 1e-9) and np.allclose(np.diag(values), 1.0, equal_nan=True))
    except Exception:  # noqa: BLE001
        return False


def name_of(value):
    """A column name for an x/y argument: the string itself, or a Series' name."""
    if isinstance(value, str):
        return value[:100]
    if frame_facts.is_series(value) and value.name is not None:
        return str(value.name)[:100]
    return None


def axes_tokens(result):
    """Tokens of the matplotlib Axes a plotting call returned (an Axes, an array of them, or a seaborn grid)."""
    found = []
    candidates = [result]
    for attr in ("axes", "ax", "ax_joint", "ax_heatmap"):
        inner = getattr(result, attr, None)
        if inner is not None and not callable(inner):
            candidates.append(inner)
    for item in candidates:
        flat = getattr(item, "flat", None)
        items = list(flat)[:50] if flat is not None else [item]
        for ax in items:
            if hasattr(ax, "get_xlabel") and hasattr(ax, "get_title"):
                found.append(api.token(ax))
    return sorted(set(found))


def emit_plot(call, library, function, kind=None, x=None, y=None, data=None, axes=None, figure=None, extra=None):
    if not site_budget.allow(call, "plot", 30):
        return
    fields = {"library": library, "function": function, "kind": kind or KINDS.get(function, "other"), "x": name_of(x), "y": name_of(y),
              "axes": axes or None, "figure": figure}
    if fields["kind"] == "heatmap":
        fields["correlation"] = is_correlation(data)
    if data is not None:
        fields["data"] = {"kind": type(data).__name__, "columns": frame_facts.columns(data) if frame_facts.is_frame(data) else None}
    if extra:
        fields.update(extra)
    api.emit("plot", call, **fields)
