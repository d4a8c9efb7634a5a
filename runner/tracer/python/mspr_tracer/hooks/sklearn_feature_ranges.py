"""The range of each feature a model is fitted on, so the runner can build a valid request for the served model.

Only for a DataFrame `X` (the served app receives named fields): numeric columns give `[min, max]`,
others up to five distinct values (as strings, cut to 40 characters). Bounded to 50 columns; a column whose
statistics raise is left out. Reading `min`/`max` never changes the data.
"""

MAX_FEATURES = 50
MAX_VALUES = 5


def feature_ranges(X):
    columns = getattr(X, "columns", None)
    dtypes = getattr(X, "dtypes", None)
    if columns is None or dtypes is None or not hasattr(X, "iloc"):
        return None
    out = {}
    for name in list(columns)[:MAX_FEATURES]:
        try:
            series = X[name]
            kind = getattr(series.dtype, "kind", "O")
            if kind in "iuf":
                low, high = series.min(), series.max()
                if low == low and high == high:  # NaN when the column is empty
                    out[str(name)] = {"min": float(low), "max": float(high), "integer": kind in "iu"}
            elif kind == "b":
                out[str(name)] = {"values": ["True", "False"]}
            else:
                values = []
                for value in series.dropna().unique()[: MAX_VALUES * 4]:
                    text = str(value)[:40]
                    if text not in values:
                        values.append(text)
                    if len(values) >= MAX_VALUES:
                        break
                out[str(name)] = {"values": values}
        except Exception:  # noqa: BLE001 - a column we cannot describe is simply left out
            continue
    return out or None
