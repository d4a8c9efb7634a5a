"""Hyper-parameter searches (GridSearchCV, RandomizedSearchCV, halving searches): their fit, once it is done."""

from mspr_tracer import api

from .sklearn_estimators import describe_estimator, emit_target


def _space(search):
    grid = getattr(search, "param_grid", None)
    space = grid if grid is not None else getattr(search, "param_distributions", None)
    spaces = space if isinstance(space, list) else [space] if space is not None else []
    summary_ = {}
    for one in spaces:
        if not isinstance(one, dict):
            continue
        for key, values in one.items():
            size = len(values) if hasattr(values, "__len__") else None
            summary_[key] = {"size": size, "values": api.safe(list(values)[:20]) if size is not None else None}
    return grid, summary_


def on_search(call):
    search = call.args[0]
    X = call.arg(1, "X")
    y = call.arg(2, "y")
    x = api.describe(X)
    yd = api.describe(y, with_columns=False)

    def after(result, error):
        grid, space = _space(search)
        grid_size = None
        if grid is not None:
            try:
                from sklearn.model_selection import ParameterGrid

                grid_size = len(ParameterGrid(grid))
            except Exception:  # noqa: BLE001
                grid_size = None
        results = getattr(search, "cv_results_", None)
        best = getattr(search, "best_estimator_", None)
        api.emit(
            "search",
            call,
            search=type(search).__name__,
            obj=api.token(search),
            estimator=describe_estimator(search.estimator) if hasattr(search, "estimator") else None,
            params_searched=sorted(space),
            param_space=space,
            grid_size=grid_size,
            n_iter=getattr(search, "n_iter", None),
            n_candidates=len(results["params"]) if isinstance(results, dict) and "params" in results else None,
            cv=getattr(search, "n_splits_", None),
            scoring=getattr(search, "scoring", None),
            refit=getattr(search, "refit", None),
            best_params=getattr(search, "best_params_", None),
            best_score=api.number(getattr(search, "best_score_", None)),
            best_estimator_obj=api.token(best) if best is not None else None,
            train_scores_recorded=bool(isinstance(results, dict) and "mean_train_score" in results),
            x=x,
            y=yd,
            duration=call.elapsed(),
            error=api.error_text(error),
        )
        if error is None and y is not None:
            emit_target(call, X, y, x, yd)

    return after
