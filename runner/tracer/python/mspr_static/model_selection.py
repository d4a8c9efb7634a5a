"""Model-selection facts: train/test splits, cross-validation splitters and calls, searches and their grids — in the
shapes of the tracer's `split`, `cv` and `search` events. Values the code does not give as constants are named in
`unresolved`.
"""

from .describe import data_of, estimator_of, json_value
from .values import Const, Obj, Seq, Unknown, const_of

SEARCHES = {"GridSearchCV", "RandomizedSearchCV", "HalvingGridSearchCV", "HalvingRandomSearchCV", "BayesSearchCV"}
SPLITTERS = {
    "KFold": 5, "StratifiedKFold": 5, "GroupKFold": 5, "StratifiedGroupKFold": 5, "TimeSeriesSplit": 5,
    "ShuffleSplit": 10, "StratifiedShuffleSplit": 10, "GroupShuffleSplit": 5, "RepeatedKFold": 50,
    "RepeatedStratifiedKFold": 50, "LeaveOneOut": None, "LeavePOut": None, "LeaveOneGroupOut": None, "PredefinedSplit": None,
}
CV_FUNCTIONS = {"cross_val_score", "cross_validate", "cross_val_predict", "learning_curve", "validation_curve", "permutation_test_score"}


def is_none(value):
    return isinstance(value, Const) and value.value is None


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
    if cv is None or is_none(cv):
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
        stratify=stratify is not None and not is_none(stratify), random_state=fields.get("random_state"),
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
