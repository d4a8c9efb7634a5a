"""Metrics computed by hand, recorded as `metric` events (`module: "formula"`) on the arrays they were computed from.

Why this way (see runner/tracer/README.md): wrapping numpy's ufuncs (`np.sqrt`, `np.abs`, `-`, `**`) would cost on
every array operation of every library and change their types. Instead the tracer remembers the fingerprints of
what models predicted and of the split's targets; once it has some, the reductions a candidate's line calls
directly (`np.mean`, `np.sum`, a Series' `.mean()`/`.sum()`) read that line's syntax tree (parsed once per file).
A residual of two operands is a metric only when one of them is a tracked prediction or target; its value is the
reduction's own result with the surrounding operations applied (a square root, `/ len(y)`, `1 - sse / sst`). A
`mean_squared_error` (or a hand-made MSE) assigned to a name is followed in the statements after it in the same
block: `np.sqrt(mse)`, `mse ** 0.5`, `math.sqrt(mse)` there is an RMSE, recorded at that line.
"""

import math

from mspr_tracer import api, callsite

from . import site_budget

#: True once a prediction or a split target was seen: until then the reductions do nothing else.
armed = False
_tracked = set()
_predictions = set()
#: The latest prediction made at each site, so `np.mean((y - model.predict(X)) ** 2)` finds its operand. Held
#: strongly (the temporary is gone by the time the reduction runs), for a few sites and arrays of bounded size.
_latest = {}
_LATEST_SITES = 20
_LATEST_CELLS = 2_000_000
_NAMES = {"mse": "mean_squared_error", "rmse": "root_mean_squared_error", "mae": "mean_absolute_error", "mape": "mean_absolute_percentage_error", "r2": "r2_score"}


def note_prediction(call, result, described):
    global armed
    fp = (described or {}).get("fp")
    if fp:
        _tracked.add(fp)
        _predictions.add(fp)
        armed = True
        if (getattr(result, "size", _LATEST_CELLS + 1) or 0) <= _LATEST_CELLS:
            _latest.pop(_key(call.site), None)
            _latest[_key(call.site)] = result
            while len(_latest) > _LATEST_SITES:
                del _latest[next(iter(_latest))]


def note_targets(outputs):
    """Split outputs that are vectors (targets), by fingerprint."""
    global armed
    for described in outputs or []:
        if described.get("fp") and described.get("cols") is None:
            _tracked.add(described["fp"])
            armed = True


def _key(site):
    return (site or {}).get("file"), (site or {}).get("line"), (site or {}).get("cell")


def plan(call, function):
    """The `after` for a reduction the candidate's line calls, when that line computes a metric; else None."""
    if not armed or not site_budget.allow(call, "metric"):
        return None
    from . import code_reading, metric_formulas  # on first use: ast costs start-up time in every process

    _, frame, _ = callsite.find(1)
    if frame is None:
        return None
    found = code_reading.statement_at(frame.f_code.co_filename, frame.f_lineno)
    if found is None:
        return None
    statement, following, preceding = found
    formulas = [f for f in metric_formulas.recognise(statement, function, preceding) if f.metric not in ("sab",)]
    resolved = [(f, _operands(f, frame, call.site)) for f in formulas]
    resolved = [(f, ops) for f, ops in resolved if ops is not None]
    if not resolved:
        return None
    filename = frame.f_code.co_filename
    divisors = [_length(f.divisor, frame) if f.divisor is not None else None for f, _ in resolved]

    def after(result, error):
        value = api.number(result)
        if error is not None or value is None:
            return
        # The line may hold several reductions (`1 - np.sum(res ** 2) / np.sum(tot ** 2)`): this call is the formula
        # whose reduction, recomputed on its operands, gives what the call returned.
        distances = [_distance(entry, value) for entry in resolved]
        index = min(range(len(resolved)), key=lambda i: distances[i])
        if distances[index] > 1e-7 * max(1.0, abs(value)):
            return
        formula, (y_true, y_pred, _, _) = resolved[index]
        divisor = divisors[index]
        emit(call, formula.metric, _value(formula, value, divisor, y_true), y_true, y_pred, code_reading.segment(filename, formula.top))
        if formula.assigned and formula.metric in ("mse", "ssq"):
            follow(call, frame_file=filename, name=formula.assigned, metric=formula.metric, value=value, y_true=y_true, y_pred=y_pred,
                   following=following, divisor=divisor)

    return after


def _distance(entry, value):
    """How far a formula's reduction, recomputed on its operands, is from the value the call returned."""
    import numpy as np

    formula, (_, _, a, b) = entry
    try:
        first = np.asarray(a, dtype=float).ravel()
        residual = first - np.asarray(b, dtype=float).ravel()
        if formula.kind == "relative":
            residual = residual / first
    except (TypeError, ValueError):
        return math.inf
    reduced = residual ** 2 if formula.kind == "squared" else np.abs(residual)
    own = float(np.mean(reduced) if formula.reduction == "mean" else np.sum(reduced))
    return abs(own - value) if math.isfinite(own) else math.inf


def _operands(formula, frame, site):
    """(y_true, y_pred) objects of the residual, the prediction second; None unless one of them is tracked."""
    import ast

    from . import code_reading

    values = []
    for node in (formula.a, formula.b):
        value = code_reading.evaluate(node, frame)
        if value is code_reading.MISSING and isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "predict":
            value = _latest.get(_key(site), code_reading.MISSING)
        if value is code_reading.MISSING:
            return None
        values.append(value)
    fps = [api.fingerprint(v) for v in values]
    if not any(fp in _tracked for fp in fps):
        return None
    if fps[0] in _predictions and fps[1] not in _predictions:
        return values[1], values[0], values[0], values[1]
    return values[0], values[1], values[0], values[1]


def _length(node, frame):
    """The divisor of a sum: len(y), y.shape[0], y.size, or a name holding a number."""
    import ast

    from . import code_reading, metric_formulas

    target = None
    if isinstance(node, ast.Call) and metric_formulas.dotted(node.func) == "len" and len(node.args) == 1:
        target = code_reading.evaluate(node.args[0], frame)
    elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape":
        target = code_reading.evaluate(node.value.value, frame)
    elif isinstance(node, ast.Attribute) and node.attr == "size":
        target = code_reading.evaluate(node.value, frame)
        return getattr(target, "size", None) if target is not code_reading.MISSING else None
    elif isinstance(node, ast.Name):
        value = code_reading.evaluate(node, frame)
        return api.number(value) if isinstance(value, (int, float)) or getattr(value, "ndim", None) == 0 else None
    return None if target is None or target is code_reading.MISSING else api.rows_of(target)


def _value(formula, value, divisor, y_true):
    ops = list(formula.ops)
    if formula.metric == "r2" or "r2" in ops:
        return _r2(value, y_true)
    if "divide" in ops:
        if not divisor:
            return None
        value = value / divisor
    if "sqrt" in ops:
        value = math.sqrt(value) if value >= 0 else None
    if value is not None and "percent" in ops:
        value *= 100
    return value


def _r2(sse, y_true):
    import numpy as np

    try:
        y = np.asarray(y_true, dtype=float).ravel()
        total = float(np.sum((y - y.mean()) ** 2))
    except (TypeError, ValueError):
        return None
    return 1 - sse / total if total else None


def emit(call, metric, value, y_true, y_pred, formula, site=None, source=None, derived=None):
    if metric not in _NAMES or value is None:
        return
    target = call
    if site is not None:
        target = api.Call(call.name, (), {}, site, source)
    true_d = api.describe(y_true, with_columns=False)
    api.emit("metric", target, name=_NAMES[metric], module="formula", formula=formula, derived=derived, value=api.number(value),
             n=(true_d or {}).get("rows"), y_true=true_d, y_pred=api.describe(y_pred, with_columns=False))


def follow(call, frame_file, name, metric, value, y_true, y_pred, following, divisor=None):
    """Records the RMSE or R² that later statements of the block derive from `name` (an MSE or a sum of squares)."""
    from . import code_reading, metric_formulas

    for derived, node, statement in metric_formulas.later_uses(name, metric, following):
        site = dict(call.site or {})
        site["line"] = node.lineno
        if derived == "rmse":
            result = math.sqrt(value / divisor if divisor and metric == "ssq" else value) if value >= 0 else None
        else:
            result = _r2(value, y_true)
        text = code_reading.segment(frame_file, statement)
        emit(call, derived, result, y_true, y_pred, code_reading.segment(frame_file, node), site=site, source=text, derived=_NAMES.get(metric, "sum_of_squares"))


def follow_sklearn(call, name, value, y_true, y_pred):
    """`mse = mean_squared_error(y_test, pred)` then `rmse = np.sqrt(mse)` further down: the RMSE is recorded too."""
    if name != "mean_squared_error" or api.number(value) is None:
        return
    import ast

    from . import code_reading, metric_formulas

    _, frame, _ = callsite.find(1)
    if frame is None:
        return
    found = code_reading.statement_at(frame.f_code.co_filename, frame.f_lineno)
    if found is None:
        return
    statement, following, _ = found
    target = metric_formulas.assigned_name(statement, lambda node: isinstance(node, ast.Call) and (metric_formulas.dotted(node.func) or "").rsplit(".", 1)[-1] == name)
    if target:
        follow(call, frame.f_code.co_filename, target, "mse", api.number(value), y_true, y_pred, following)
