"""Machine-learning facts: splits, estimators constructed and fitted, searches and their grids, cross-validation,
metrics and the variables they are computed on — in the shapes of the tracer's `split`, `fit`, `predict`, `search`,
`cv` and `metric` events. Values the code does not give as constants are left out and named in `unresolved`.
"""

from .describe import data_of, estimator_of, json_value, options_of
from .values import BestParams, Const, Data, Dict, MetricValue, Obj, Ref, Seq, Unknown, const_of

ML_PACKAGES = ("sklearn", "xgboost", "lightgbm", "catboost", "imblearn", "skopt")
SEARCHES = {"GridSearchCV", "RandomizedSearchCV", "HalvingGridSearchCV", "HalvingRandomSearchCV", "BayesSearchCV"}
SPLITTERS = {
    "KFold": 5, "StratifiedKFold": 5, "GroupKFold": 5, "StratifiedGroupKFold": 5, "TimeSeriesSplit": 5,
    "ShuffleSplit": 10, "StratifiedShuffleSplit": 10, "GroupShuffleSplit": 5, "RepeatedKFold": 50,
    "RepeatedStratifiedKFold": 50, "LeaveOneOut": None, "LeavePOut": None, "LeaveOneGroupOut": None, "PredefinedSplit": None,
}
CV_FUNCTIONS = {"cross_val_score", "cross_validate", "cross_val_predict", "learning_curve", "validation_curve", "permutation_test_score"}
IMPUTERS = {"SimpleImputer": "mean", "KNNImputer": "knn", "IterativeImputer": "iterative"}
FIT_METHODS = {"fit", "partial_fit", "fit_transform", "fit_predict"}
APPLY_METHODS = {"predict", "predict_proba", "predict_log_proba", "decision_function", "transform", "score"}
_NOT_METRICS = {"make_scorer", "get_scorer", "check_scoring", "get_scorer_names"}


def _package(qualname):
    return qualname.split(".")[0]


def is_metric(qualname):
    last = qualname.rsplit(".", 1)[-1]
    if not qualname.startswith("sklearn.metrics") or last in _NOT_METRICS or last[:1].isupper():
        return False
    return last.endswith(("_score", "_error", "_loss", "_matrix", "_report", "_support", "_curve")) or last in ("r2_score",)


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
        _imputers_of_transformer(reader, args)
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
        _imputers_of_transformer(reader, args)
    return obj


def imputer_fact(reader, imputer, column, args):
    """An imputer's strategy on the columns it is given (SimpleImputer's default is the mean)."""
    strategy = imputer.param("strategy", None)
    unresolved = {} if strategy is None or isinstance(strategy, Const) else {"strategy": getattr(strategy, "text", None) or "?"}
    reader.sink.emit(
        args.unit, args.node, "impute", function=imputer.cls, column=column, on="imputer",
        strategy=(IMPUTERS[imputer.cls] if strategy is None else const_of(strategy, None)),
        value=json_value(imputer.param("fill_value", None)), unresolved=unresolved or None,
    )


def _imputers_in(obj):
    if obj.cls in IMPUTERS:
        return [obj]
    return [inner for _, step in obj.steps if isinstance(step, Obj) for inner in _imputers_in(step)]


def _imputers_of_transformer(reader, args):
    """ColumnTransformer([("num", Pipeline([("impute", SimpleImputer(strategy="median")), …]), numeric), …])."""
    listed = args.arg(0, "transformers")
    entries = listed.items if isinstance(listed, Seq) else args.args
    for entry in entries:
        if not isinstance(entry, Seq) or len(entry.items) < 2:
            continue
        transformer = entry.items[1] if len(entry.items) >= 3 else entry.items[0]
        columns = entry.items[2] if len(entry.items) >= 3 else entry.items[1]
        names = const_of(columns, None)
        column = ", ".join(str(n) for n in names) if isinstance(names, (list, tuple)) else (str(names) if names is not None else getattr(columns, "text", None) or "?")
        for imputer in _imputers_in(transformer) if isinstance(transformer, Obj) else []:
            imputer_fact(reader, imputer, column, args)


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
    for imputer in _imputers_in(obj):
        column = x.column if isinstance(x, Data) and x.column else ("*" if imputer is not obj else args.arg_text(0, "X") or "?")
        imputer_fact(reader, imputer, column, args)
    output = reader.fresh() if method in ("fit_transform", "fit_predict") else None
    described = estimator_of(obj)
    reader.sink.emit(
        args.unit, args.node, "fit", method=method, estimator=obj.cls, module=obj.module, obj=obj.token,
        params=described.get("params"), steps=described.get("steps"), final=described.get("final"),
        x=data_of(x, args.arg_text(0, "X")), y=data_of(y, args.arg_text(1, "y")) if y is not None and not _is_none(y) else None,
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


def _is_none(value):
    return isinstance(value, Const) and value.value is None


# ---- searches -------------------------------------------------------------------------------------------------
def search_fit(reader, obj, args):
    from .grids import grid_space

    estimator = obj.param("estimator", 0)
    grid = obj.param("param_distributions" if "Randomized" in obj.cls else "param_grid", 1)
    if grid is None:
        grid = obj.param("search_spaces", 1)
    unresolved = {}
    space = grid_space(grid)
    if space is None:
        unresolved["param_grid"] = getattr(grid, "text", None) or "?"
        space = {}
    folds, cv_unresolved = folds_of(obj.param("cv", None))
    unresolved.update(cv_unresolved)
    n_iter = None
    if "Randomized" in obj.cls:
        given = obj.param("n_iter", None)
        n_iter = 10 if given is None else const_of(given, None)
        if n_iter is None:
            unresolved["n_iter"] = getattr(given, "text", None) or "?"
    grid_size = space.get("grid_size")
    refit = obj.param("refit", None)
    train_scores = obj.param("return_train_score", None)
    reader.sink.emit(
        args.unit, args.node, "search", search=obj.cls, obj=obj.token,
        estimator=estimator_of(estimator) if isinstance(estimator, Obj) else None,
        params_searched=space.get("params"), param_space=space.get("space"), grid_size=grid_size,
        n_iter=n_iter, n_candidates=n_iter if n_iter is not None else grid_size, cv=folds,
        scoring=json_value(obj.param("scoring", None)), refit=True if refit is None else json_value(refit),
        best_estimator_obj=obj.best_token, train_scores_recorded=const_of(train_scores, False) is True,
        x=data_of(args.arg(0, "X"), args.arg_text(0, "X")), y=data_of(args.arg(1, "y"), args.arg_text(1, "y")),
        unresolved=unresolved or None,
    )


def folds_of(cv):
    """Folds of a `cv=` argument: sklearn's default 5, an int, or a splitter's n_splits; else unresolved."""
    if cv is None or _is_none(cv):
        return 5, {}
    if isinstance(cv, Const) and isinstance(cv.value, int) and not isinstance(cv.value, bool):
        return cv.value, {}
    if isinstance(cv, Obj) and cv.kind == "splitter":
        folds, unresolved = splits_of(cv)
        return folds, ({"cv": cv.cls} if unresolved else {})
    return None, {"cv": getattr(cv, "text", None) or "?"}


def splits_of(splitter):
    default = SPLITTERS.get(splitter.cls)
    given = splitter.param("n_splits", 0)
    if given is None:
        return default, ({} if default is not None else {"n_splits": splitter.cls})
    value = const_of(given, None)
    if isinstance(value, int) and not isinstance(value, bool):
        repeats = const_of(splitter.param("n_repeats", 1 if "Repeated" in splitter.cls else None), 10 if "Repeated" in splitter.cls else 1)
        return value * (repeats if "Repeated" in splitter.cls else 1), {}
    return None, {"n_splits": getattr(given, "text", None) or "?"}


# ---- splits, cross-validation, metrics ---------------------------------------------------------------------------
def split(reader, args):
    arrays = list(args.args)
    outputs = []
    returned = []
    for index, array in enumerate(arrays):
        for role in ("train", "test"):
            data = reader.fresh()
            returned.append(data)
            described = data_of(data, None)
            described.update({"role": role, "input": index})
            outputs.append(described)
    unresolved = {}
    fields = {}
    for name in ("test_size", "train_size", "random_state", "shuffle"):
        if args.given(None, name):
            value = args.arg(None, name)
            if isinstance(value, Const):
                fields[name] = value.value
            else:
                unresolved[name] = args.arg_text(None, name) or "?"
    stratify = args.arg(None, "stratify")
    reader.sink.emit(
        args.unit, args.node, "split", kind="train_test_split", function="train_test_split",
        test_size=fields.get("test_size"), train_size=fields.get("train_size"), shuffle=fields.get("shuffle", True),
        stratify=stratify is not None and not _is_none(stratify), random_state=fields.get("random_state"),
        n_arrays=len(arrays), inputs=[data_of(a, args.texts[i] if i < len(args.texts) else None) for i, a in enumerate(arrays)],
        outputs=outputs, unresolved=unresolved or None,
        given=sorted(name for name in ("test_size", "train_size") if args.given(None, name)),
    )
    return Seq(returned, "list")


def cross_validation(reader, function, args):
    estimator = args.arg(0, "estimator")
    folds, unresolved = folds_of(args.arg(None, "cv"))
    both = function in ("learning_curve", "validation_curve") or const_of(args.arg(None, "return_train_score"), False) is True
    scores = {"n": folds} if folds is not None else {}
    output = reader.fresh() if function == "cross_val_predict" else None
    reader.sink.emit(
        args.unit, args.node, "cv", function=function,
        estimator=estimator_of(estimator) if isinstance(estimator, Obj) else None,
        x=data_of(args.arg(1, "X"), args.arg_text(1, "X")), y=data_of(args.arg(2, "y"), args.arg_text(2, "y")),
        cv={"n_splits": folds}, scoring=json_value(args.arg(None, "scoring")),
        test_scores=scores, train_scores=dict(scores) if both else None, output=data_of(output, None),
        unresolved=unresolved or None,
    )
    return output if output is not None else Unknown(function)


_PRED_NAMES = ("y_pred", "y_score", "y_prob", "probas_pred", "y_proba")


def metric(reader, name, args):
    y_pred_name = next((n for n in _PRED_NAMES if n in args.kwargs), "y_pred")
    event = reader.sink.emit(
        args.unit, args.node, "metric", name=name, module="sklearn.metrics",
        y_true=data_of(args.arg(0, "y_true"), args.arg_text(0, "y_true")),
        y_pred=data_of(args.arg(1, y_pred_name), args.arg_text(1, y_pred_name)),
        options=options_of(args, skip={"y_true", *_PRED_NAMES}) or None,
    )
    return MetricValue(event)


def root_of(reader, value, node, unit):
    """`np.sqrt(mse)`, `mse ** 0.5`, `math.sqrt(...)` of a mean_squared_error: an RMSE, on the MSE's variables."""
    event = value.event
    if event.get("name") != "mean_squared_error" or (event.get("options") or {}).get("squared") is False:
        return Unknown("sqrt")
    site = unit.site(node)
    if event.get("site") == site:
        return value  # the MSE call's own line shows the root: the metric catalogue reads it there
    derived = reader.sink.emit(unit, node, "metric", name="root_mean_squared_error", module="sklearn.metrics",
                               y_true=event.get("y_true"), y_pred=event.get("y_pred"), derived="sqrt", of=event.get("site"))
    return MetricValue(derived)


def numeric_range(name, args):
    values = [const_of(a, None) for a in args.args[:3]]
    if any(not isinstance(v, (int, float)) or isinstance(v, bool) for v in values[:2]):
        return Unknown(name)
    try:
        if name == "arange":
            start, stop = (0, values[0]) if len(values) == 1 else (values[0], values[1])
            step = values[2] if len(values) > 2 and isinstance(values[2], (int, float)) else 1
            count = max(0, int(-(-(stop - start) // step)))
            return Seq([Const(start + i * step) for i in range(min(count, 200))], "list") if count <= 200 else Unknown(name)
        num = const_of(args.arg(2, "num"), 50) if args.given(2, "num") else 50
        if not isinstance(num, int) or num > 200:
            return Unknown(name)
        start, stop = values[0], values[1]
        points = [start + (stop - start) * i / (num - 1) for i in range(num)] if num > 1 else [start]
        if name == "logspace":
            points = [10 ** p for p in points]
        elif name == "geomspace":
            ratio = (stop / start) ** (1 / (num - 1)) if num > 1 else 1
            points = [start * ratio ** i for i in range(num)]
        return Seq([Const(p) for p in points], "list")
    except (ArithmeticError, ValueError, TypeError):
        return Unknown(name)


__all__ = ["library_call", "obj_method", "obj_attribute", "root_of", "make_pipeline", "Data", "Dict", "Ref"]
