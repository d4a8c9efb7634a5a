"""Splits and cross-validation helpers of sklearn.model_selection (searches: sklearn_search.py)."""

import sys

from mspr_tracer import api

from . import hand_metrics
from .sklearn_estimators import describe_estimator

CV_FUNCTIONS = (
    "cross_val_score",
    "cross_validate",
    "cross_val_predict",
    "learning_curve",
    "validation_curve",
    "permutation_test_score",
)


def on_train_test_split(call):
    arrays = call.args
    options = call.kwargs
    n = api.rows_of(arrays[0]) if arrays else None
    inputs = [api.describe(a, with_columns=False) for a in arrays]

    def after(result, error):
        outputs = []
        if error is None and isinstance(result, list):
            for i, part in enumerate(result):
                described = api.describe(part, with_columns=False) or {}
                described.update(role="train" if i % 2 == 0 else "test", input=i // 2)
                outputs.append(described)
        hand_metrics.note_targets(outputs)
        train = outputs[0].get("rows") if outputs else None
        test = outputs[1].get("rows") if len(outputs) > 1 else None
        api.emit(
            "split",
            call,
            kind="train_test_split",
            function="train_test_split",
            n_rows=n,
            train_rows=train,
            test_rows=test,
            ratio=(train / (train + test)) if train and test is not None else None,
            test_size=options.get("test_size"),
            train_size=options.get("train_size"),
            shuffle=options.get("shuffle", True),
            stratify=options.get("stratify") is not None,
            random_state=options.get("random_state"),
            n_arrays=len(arrays),
            inputs=inputs,
            outputs=outputs,
            error=api.error_text(error),
        )

    return after


def on_splitter_split(call):
    if not call.direct:
        return None  # a parent class's split running inside the generator the candidate iterates
    splitter = call.args[0]
    X = call.arg(1, "X")
    y = call.arg(2, "y")
    groups = call.arg(3, "groups")

    def after(result, error):
        try:
            n_splits = splitter.get_n_splits(X, y, groups)
        except Exception:  # noqa: BLE001
            n_splits = getattr(splitter, "n_splits", None)
        api.emit(
            "split",
            call,
            kind="cv_splitter",
            function=type(splitter).__name__ + ".split",
            splitter=type(splitter).__name__,
            n_splits=n_splits,
            n_rows=api.rows_of(X),
            shuffle=getattr(splitter, "shuffle", None),
            random_state=getattr(splitter, "random_state", None),
            x=api.describe(X, with_columns=False),
            error=api.error_text(error),
        )

    return after


def describe_cv(cv, X=None, y=None, groups=None):
    if cv is None:
        return {"n_splits": 5, "splitter": "default"}
    if isinstance(cv, int):
        return {"n_splits": cv, "splitter": "int"}
    if hasattr(cv, "get_n_splits"):
        try:
            n = cv.get_n_splits(X, y, groups)
        except Exception:  # noqa: BLE001
            n = getattr(cv, "n_splits", None)
        return {"n_splits": n, "splitter": type(cv).__name__}
    return {"n_splits": None, "splitter": type(cv).__name__}


def summary(values):
    """{n, mean, std, min, max, values≤20} of a score array; None when it is not numeric."""
    np = sys.modules.get("numpy")
    try:
        arr = np.asarray(values, dtype=float).ravel()
    except Exception:  # noqa: BLE001
        return None
    if arr.size == 0:
        return {"n": 0}
    return {
        "n": int(arr.size),
        "mean": api.number(arr.mean()),
        "std": api.number(arr.std()),
        "min": api.number(arr.min()),
        "max": api.number(arr.max()),
        "values": [api.number(v) for v in arr[:20]],
    }


def cv_handler(function):
    def handler(call):
        est = call.arg(0, "estimator")
        X = call.arg(1, "X")
        y = call.arg(2, "y")
        x = api.describe(X)

        def after(result, error):
            fields = {
                "function": function,
                "estimator": describe_estimator(est) if hasattr(est, "get_params") else None,
                "x": x,
                "y": api.describe(y, with_columns=False),
                "cv": describe_cv(call.kwargs.get("cv"), X, y, call.kwargs.get("groups")),
                "scoring": call.kwargs.get("scoring"),
                "error": api.error_text(error),
            }
            if error is None:
                _add_scores(fields, function, result)
            api.emit("cv", call, **fields)

        return after

    return handler


def _add_scores(fields, function, result):
    if function == "cross_val_score":
        fields["test_scores"] = summary(result)
    elif function == "cross_validate" and isinstance(result, dict):
        tests = [k for k in result if k.startswith("test_")]
        trains = [k for k in result if k.startswith("train_")]
        if tests:
            fields["test_scores"] = summary(result[tests[0]])
        if trains:
            fields["train_scores"] = summary(result[trains[0]])
        fields["result_keys"] = sorted(result)
    elif function == "cross_val_predict":
        fields["output"] = api.describe(result, with_columns=False)
        hand_metrics.note_prediction(call, result, fields["output"])
    elif function in ("learning_curve", "validation_curve") and isinstance(result, tuple):
        offset = 1 if function == "learning_curve" else 0
        fields["train_scores"] = summary(result[offset])
        fields["test_scores"] = summary(result[offset + 1])
    elif function == "permutation_test_score" and isinstance(result, tuple):
        fields["test_scores"] = summary([result[0]])


def patch_split_module(module):
    api.patch_function(module, "train_test_split", on_train_test_split)
    for name, cls in list(vars(module).items()):
        if isinstance(cls, type) and cls.__module__ == module.__name__ and "split" in cls.__dict__:
            if hasattr(cls, "get_n_splits"):
                api.patch_method(cls, "split", on_splitter_split)


def patch_validation_module(module):
    for function in CV_FUNCTIONS:
        api.patch_function(module, function, cv_handler(function))
