"""What a ColumnTransformer does with which columns, and the imputers anywhere inside an estimator.

Column specifications are resolved once fitted (`transformers_`: a selector becomes names, indices are mapped
through `feature_names_in_`), so an imputer is credited on the real columns it filled.
"""

from mspr_tracer import api


def _params(est):
    try:
        return est.get_params(deep=False)
    except Exception:  # noqa: BLE001 - a half-built custom estimator
        return {}


def describe_transformer(est, entry):
    """One ColumnTransformer entry: its name, its estimator's class and the columns it was given — names once fitted
    (a selector resolved, indices mapped through feature_names_in_). What is inside it (an imputer in a pipeline) is
    in the fit event's `imputers`."""
    name, transformer = str(entry[0]), entry[1]
    out = {"name": name, "class": type(transformer).__name__ if hasattr(transformer, "get_params") else str(transformer)}
    columns = _column_names(est, entry[2]) if len(entry) >= 3 else None
    if columns is not None:
        out["columns"] = columns
    return out


def _column_names(est, columns):
    names = getattr(est, "feature_names_in_", None)
    try:
        if isinstance(columns, (str, int)):
            columns = [columns]
        if callable(columns) or isinstance(columns, slice):
            return None
        out = []
        for column in list(columns)[:100]:
            if isinstance(column, bool):
                return None  # a boolean mask
            if isinstance(column, int) or type(column).__name__.startswith("int"):
                out.append(str(names[int(column)]) if names is not None and int(column) < len(names) else str(int(column)))
            else:
                out.append(str(column))
        return out
    except Exception:  # noqa: BLE001 - an exotic column specification
        return None


def imputers_of(est, columns=None, path="", depth=0):
    """Every imputer inside an estimator (pipeline steps, ColumnTransformer entries, nested), flattened so its
    strategy and columns survive the event's depth limit: [{path, class, strategy, columns, statistics}]."""
    found = []
    if depth > 6 or est is None or isinstance(est, str):
        return found
    name = type(est).__name__
    if name.endswith("Imputer"):
        item = {"path": path or name, "class": name, "columns": columns}
        params = _params(est)
        for key in ("strategy", "fill_value", "n_neighbors", "weights", "max_iter", "initial_strategy"):
            if key in params:
                item[key] = api.safe(params[key], 1)
        item["statistics"] = _statistics(est, columns)
        found.append({k: v for k, v in item.items() if v is not None})
        return found
    steps = getattr(est, "steps", None)
    if isinstance(steps, list):
        for step in steps[:20]:
            if isinstance(step, tuple) and len(step) >= 2:
                found += imputers_of(step[1], columns, "%s/%s" % (path, step[0]) if path else str(step[0]), depth + 1)
    transformers = getattr(est, "transformers_", None) or getattr(est, "transformers", None)
    if isinstance(transformers, list):
        for entry in transformers[:50]:
            if isinstance(entry, tuple) and len(entry) >= 3:
                given = _column_names(est, entry[2])
                found += imputers_of(entry[1], given, "%s/%s" % (path, entry[0]) if path else str(entry[0]), depth + 1)
    return found


def _statistics(imputer, columns):
    """A fitted SimpleImputer's fill value per column ({column: value}); None before fit or for other imputers."""
    values = getattr(imputer, "statistics_", None)
    if values is None or not columns or len(values) != len(columns):
        return None
    return {str(c): api.safe(v) for c, v in list(zip(columns, list(values)))[:100]}
