"""Fit / predict recording for scikit-learn-compatible estimators (sklearn, and xgboost/lightgbm wrappers).

`patch_estimators(module)` wraps the fit-like and apply-like methods each estimator class defines itself;
inherited ones are wrapped where they are defined. Nested calls (a Pipeline fitting its steps) are not
recorded separately: the outer event lists the pipeline's steps and its final estimator instead.
"""

import sys

from mspr_tracer import api

from . import hand_metrics
from .sklearn_columns import describe_transformer, imputers_of
from .sklearn_feature_ranges import feature_ranges

FIT_METHODS = ("fit", "partial_fit", "fit_transform", "fit_predict")
APPLY_METHODS = ("predict", "predict_proba", "predict_log_proba", "decision_function", "score", "transform")
_seen_targets = set()


def final_estimator(est):
    """The model at the end of pipelines and wrappers (Pipeline → last step, TransformedTargetRegressor → regressor)."""
    for _ in range(8):
        steps = getattr(est, "steps", None)
        if isinstance(steps, list) and steps and isinstance(steps[-1], tuple):
            est = steps[-1][1]
            continue
        if type(est).__name__ == "TransformedTargetRegressor" and getattr(est, "regressor", None) is not None:
            est = est.regressor
            continue
        break
    return est


def _param_value(value):
    if hasattr(value, "get_params") and not isinstance(value, type):
        return {"class": type(value).__name__}
    return api.safe(value, 1)


def shallow_params(est):
    try:
        params = est.get_params(deep=False)
    except Exception:  # noqa: BLE001 - a half-built custom estimator
        return None
    return {k: _param_value(v) for k, v in params.items() if k not in ("steps", "transformers")}


def describe_estimator(est, depth=0):
    """{class, module, params[, steps][, transformers][, final]}: enough to name the model and compare params."""
    cls = type(est)
    out = {"class": cls.__name__, "module": cls.__module__, "params": shallow_params(est)}
    if depth > 3:
        return out
    steps = getattr(est, "steps", None)
    if isinstance(steps, list):
        out["steps"] = [
            dict(name=str(step[0]), **describe_estimator(step[1], depth + 1))
            if hasattr(step[1], "get_params")
            else {"name": str(step[0]), "class": str(step[1])}
            for step in steps
            if isinstance(step, tuple) and len(step) >= 2
        ]
    transformers = getattr(est, "transformers_", None) or getattr(est, "transformers", None)
    if isinstance(transformers, list):
        out["transformers"] = [describe_transformer(est, t) for t in transformers if isinstance(t, tuple) and len(t) >= 2]
    final = final_estimator(est)
    if final is not est:
        out["final"] = {"class": type(final).__name__, "module": type(final).__module__}
    return out


def emit_target(call, X, y, x, yd):
    """One `target` event per distinct target vector: its type tells regression from classification targets."""
    if yd is None or yd.get("fp") in _seen_targets:
        return
    _seen_targets.add(yd.get("fp"))
    kind, dtype = api.value_kind(y)
    name = yd.get("name")
    columns = (x or {}).get("columns") or []
    api.emit(
        "target",
        call,
        kind=kind,
        dtype=dtype,
        name=name,
        n_unique=api.n_unique(y) if getattr(y, "ndim", 1) == 1 else None,
        y={"rows": yd.get("rows"), "cols": yd.get("cols"), "fp": yd.get("fp")},
        x={"rows": (x or {}).get("rows"), "cols": (x or {}).get("cols"), "fp": (x or {}).get("fp")},
        target_in_features=bool(name is not None and name in columns),
    )


def fit_handler(method):
    def handler(call):
        est = call.args[0]
        X = call.arg(1, "X")
        y = call.arg(2, "y")
        x = api.describe(X)
        yd = api.describe(y, with_columns=False)
        # What a served app must accept (runner/serve builds a valid request from it).
        ranges = feature_ranges(X) if x is not None and method != "transform" else None
        if ranges:
            x["ranges"] = ranges

        def after(result, error):
            described = describe_estimator(est)
            fields = {"estimator": described.pop("class")}
            fields.update(described)
            fields.update(method=method, obj=api.token(est), x=x, y=yd, duration=call.elapsed())
            imputers = imputers_of(est, (x or {}).get("columns"))
            if imputers and not (len(imputers) == 1 and imputers[0]["path"] == fields["estimator"]):
                fields["imputers"] = imputers
            if error is not None:
                fields["error"] = api.error_text(error)
            elif method in ("fit_transform", "fit_predict"):
                fields["output"] = api.describe(result, with_columns=False)
            api.emit("fit", call, **fields)
            if error is None and y is not None:
                emit_target(call, X, y, x, yd)

        return after

    return handler


def apply_handler(method):
    def handler(call):
        est = call.args[0]
        X = call.arg(1, "X")
        y = call.arg(2, "y") if method == "score" else None
        x = api.describe(X, with_columns=False)

        def after(result, error):
            final = final_estimator(est)
            fields = {
                "method": method,
                "estimator": type(est).__name__,
                "module": type(est).__module__,
                "obj": api.token(est),
                "x": x,
                "duration": call.elapsed(),
            }
            if final is not est:
                fields["final"] = {"class": type(final).__name__, "module": type(final).__module__}
            if error is not None:
                fields["error"] = api.error_text(error)
            elif method == "score":
                fields["value"] = api.number(result)
                fields["y"] = api.describe(y, with_columns=False)
            else:
                fields["output"] = api.describe(result, with_columns=False)
                if method == "predict":
                    hand_metrics.note_prediction(call, result, fields["output"])
            api.emit("predict", call, **fields)

        return after

    return handler


def patch_estimators(module, search_handler=None):
    """Wraps fit/apply methods of the estimator classes `module` defines (mixins too, in sklearn.base)."""
    base = sys.modules.get("sklearn.base")
    if getattr(base, "BaseEstimator", None) is None:
        return  # sklearn.base itself is still importing: nothing defined so far can be an estimator
    search_mod = sys.modules.get("sklearn.model_selection._search")
    search_base = getattr(search_mod, "BaseSearchCV", None)
    for name, cls in list(vars(module).items()):
        if not isinstance(cls, type) or cls.__module__ != module.__name__:
            continue
        try:
            mixin = module.__name__ == "sklearn.base" and name.endswith("Mixin")
            if not (mixin or issubclass(cls, base.BaseEstimator)):
                continue
            is_search = search_base is not None and issubclass(cls, search_base)
        except TypeError:
            continue
        for method in FIT_METHODS:
            if is_search and method == "fit" and search_handler is not None:
                api.patch_method(cls, method, search_handler)
            else:
                api.patch_method(cls, method, fit_handler(method))
        for method in APPLY_METHODS:
            api.patch_method(cls, method, apply_handler(method))
