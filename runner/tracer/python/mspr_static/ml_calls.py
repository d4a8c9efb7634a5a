"""Machine-learning calls: which library call is what (dispatch), estimators constructed, fitted and applied — in
the shapes of the tracer's `fit` and `predict` events. Splits, cross-validation and searches are model_selection.py's,
metrics ml_metrics.py's, imputers sklearn_imputers.py's.
"""

from .describe import data_of, estimator_of
from .grids import numeric_range
from .ml_metrics import is_metric, metric, root_of
from .model_selection import CV_FUNCTIONS, SEARCHES, SPLITTERS, cross_validation, folds_of, is_none, search_fit, split, splits_of
from .sklearn_imputers import imputer_fact, imputers_in, imputers_of_transformer
from .values import BestParams, Const, Data, Dict, MetricValue, Obj, Seq, Unknown

ML_PACKAGES = ("sklearn", "xgboost", "lightgbm", "catboost", "imblearn", "skopt")
FIT_METHODS = {"fit", "partial_fit", "fit_transform", "fit_predict"}
APPLY_METHODS = {"predict", "predict_proba", "predict_log_proba", "decision_function", "transform", "score"}
_NOT_METRICS = {"make_scorer", "get_scorer", "check_scoring", "get_scorer_names"}


def _package(qualname):
    return qualname.split(".")[0]


def library_call(reader, qualname, args):
    last = qualname.rsplit(".", 1)[-1]
    package = _package(qualname)
    if last == "train_test_split" and package == "sklearn":
        return split(reader, args)
    if last in CV_FUNCTIONS and package == "sklearn":
        return cross_validation(reader, last, args)
    if is_metric(qualname):
        return metric(reader, last, args)
    if qualname in ("numpy.sqrt", "math.sqrt") and isinstance(args.arg(0, None), MetricValue):
        return root_of(reader, args.arg(0, None), args.node, args.unit)
    if qualname in ("numpy.linspace", "numpy.logspace", "numpy.geomspace", "numpy.arange"):
        return numeric_range(last, args)
    if last in ("clone", "deepcopy") and isinstance(args.arg(0, None), Obj):
        return _copy(reader, args.arg(0, None))
    if last == "make_pipeline" and package in ML_PACKAGES:
        return make_pipeline(reader, args)
    if last == "make_column_transformer" and package == "sklearn":
        imputers_of_transformer(reader, args)
        return Obj("ColumnTransformer", "sklearn.compose", "estimator", dict(args.kwargs), list(args.args), reader.token())
    if package not in ML_PACKAGES or not last[:1].isupper() or last.endswith("Display"):
        return None
    module = qualname.rsplit(".", 1)[0]
    return construct(reader, last, module, args)


def construct(reader, cls, module, args):
    if cls in SEARCHES:
        obj = Obj(cls, module, "search", dict(args.kwargs), list(args.args), reader.token())
        obj.best_token = reader.token()
        return obj
    kind = "splitter" if cls in SPLITTERS else "estimator"
    steps = None
    if cls == "Pipeline":
        steps = _named_steps(args.arg(0, "steps"))
    obj = Obj(cls, module, kind, dict(args.kwargs), list(args.args), reader.token(), steps)
    if args.best_params is not None:
        obj.params_from = args.best_params
    if cls == "ColumnTransformer":
        imputers_of_transformer(reader, args)
    return obj


def make_pipeline(reader, args):
    steps = [(obj.cls.lower(), obj) for obj in args.args if isinstance(obj, Obj)]
    return Obj("Pipeline", "sklearn.pipeline", "estimator", dict(args.kwargs), [], reader.token(), steps)


def _named_steps(value):
    steps = []
    for item in (value.items if isinstance(value, Seq) else []):
        if isinstance(item, Seq) and len(item.items) >= 2 and isinstance(item.items[0], Const):
            steps.append((str(item.items[0].value), item.items[1]))
    return steps


def _copy(reader, obj):
    copy = Obj(obj.cls, obj.module, obj.kind, dict(obj.params), list(obj.positional), reader.token(), list(obj.steps))
    copy.params_from = obj.params_from
    copy.best_token = reader.token() if obj.kind == "search" else None
    return copy


# ---- methods and attributes of estimators ---------------------------------------------------------------------
def obj_attribute(reader, obj, name, node, unit):
    if obj.kind == "search" and name == "best_estimator_":
        inner = obj.param("estimator", 0)
        if isinstance(inner, Obj):
            alias = Obj(inner.cls, inner.module, "estimator", dict(inner.params), list(inner.positional), obj.best_token, list(inner.steps))
        else:
            alias = Obj("?", None, "estimator", {}, [], obj.best_token)
        return alias
    if obj.kind == "search" and name == "best_params_":
        return BestParams(obj.token)
    if name == "named_steps":
        return Dict([(Const(step_name), step) for step_name, step in obj.steps])
    return Unknown(name)


def obj_method(reader, obj, method, args):
    if method == "set_params":
        if args.best_params is not None:
            obj.params_from = args.best_params
        obj.params.update(args.kwargs)
        return obj
    if obj.kind == "splitter":
        if method == "split":
            folds, unresolved = splits_of(obj)
            reader.sink.emit(args.unit, args.node, "split", kind="cv_splitter", splitter=obj.cls, n_splits=folds,
                             x=data_of(args.arg(0, "X"), args.arg_text(0, "X")), unresolved=unresolved)
        return Unknown("%s.%s" % (obj.cls, method))
    if obj.kind == "search" and method == "fit":
        search_fit(reader, obj, args)
        return obj
    if method in FIT_METHODS:
        return fit(reader, obj, method, args)
    if method in APPLY_METHODS:
        return apply(reader, obj, method, args)
    return Unknown("%s.%s" % (obj.cls, method))


def fit(reader, obj, method, args):
    x = args.arg(0, "X")
    y = args.arg(1, "y")
    for imputer in imputers_in(obj):
        column = x.column if isinstance(x, Data) and x.column else ("*" if imputer is not obj else args.arg_text(0, "X") or "?")
        imputer_fact(reader, imputer, column, args)
    output = reader.fresh() if method in ("fit_transform", "fit_predict") else None
    described = estimator_of(obj)
    reader.sink.emit(
        args.unit, args.node, "fit", method=method, estimator=obj.cls, module=obj.module, obj=obj.token,
        params=described.get("params"), steps=described.get("steps"), final=described.get("final"),
        x=data_of(x, args.arg_text(0, "X")), y=data_of(y, args.arg_text(1, "y")) if y is not None and not is_none(y) else None,
        output=data_of(output, None), params_from=obj.params_from,
    )
    return output if output is not None else obj


def apply(reader, obj, method, args):
    searched = obj.param("estimator", 0) if obj.kind == "search" else None
    final = (searched.final() if isinstance(searched, Obj) else None) if obj.kind == "search" else obj.final()
    output = reader.fresh() if method != "score" else None
    reader.sink.emit(
        args.unit, args.node, "predict", method=method, estimator=obj.cls, module=obj.module, obj=obj.token,
        final={"class": final.cls, "module": final.module} if final is not None and final is not obj else None,
        x=data_of(args.arg(0, "X"), args.arg_text(0, "X")),
        y=data_of(args.arg(1, "y"), args.arg_text(1, "y")) if method == "score" else None,
        output=data_of(output, None),
    )
    return output if output is not None else Unknown("%s.score" % obj.cls)


__all__ = ["library_call", "obj_method", "obj_attribute", "root_of", "make_pipeline", "folds_of"]
