"""Cheap facts about pandas objects for the data hooks: null counts, dtypes, statistics of one column.

Everything is bounded: at most MAX_COLUMNS columns are described, statistics are computed only for a
column that had missing values, one at a time and only as far as needed to name the fill value.
"""

import math
import sys

from mspr_tracer import api

MAX_COLUMNS = 100
#: Beyond this many rows the mode (a full value count) is not computed: a fill value is then matched
#: against the mean, the median and 0 only.
MODE_MAX_ROWS = 5_000_000


def pandas():
    return sys.modules.get("pandas")


def is_frame(x):
    pd = pandas()
    return pd is not None and isinstance(x, pd.DataFrame)


def is_series(x):
    pd = pandas()
    return pd is not None and isinstance(x, pd.Series)


def null_counts(df):
    """{column: missing cells} for a DataFrame (first MAX_COLUMNS columns), {name: n} for a Series."""
    if is_series(df):
        return {str(df.name): int(df.isna().sum())}
    if not is_frame(df):
        return None
    sub = df.iloc[:, :MAX_COLUMNS] if df.shape[1] > MAX_COLUMNS else df
    counts = sub.isna().sum()
    return {str(k): int(v) for k, v in counts.items()}


def dtypes(df):
    if is_series(df):
        return {str(df.name): str(df.dtype)}
    if not is_frame(df):
        return None
    return {str(k): str(v) for k, v in list(df.dtypes.items())[:MAX_COLUMNS]}


def columns(df):
    if is_frame(df):
        return [str(c) for c in list(df.columns)[:MAX_COLUMNS]]
    if is_series(df):
        return [str(df.name)]
    return None


def frame_info(df, with_nulls=False):
    """{rows, cols, columns, obj[, nulls, dtypes]}: what reads, writes and drops report about a frame."""
    if not (is_frame(df) or is_series(df)):
        return None
    info = {
        "rows": int(df.shape[0]),
        "cols": int(df.shape[1]) if is_frame(df) else 1,
        "columns": columns(df),
        "obj": api.token(df),
    }
    if with_nulls:
        info["nulls"] = null_counts(df)
        info["dtypes"] = dtypes(df)
    return info


def kind_of(series):
    """numeric | categorical | datetime | other, for deciding which statistics a fill value is compared to."""
    pd = pandas()
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "categorical"
    if pd.api.types.is_numeric_dtype(dtype):
        return "numeric"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    # isinstance, not is_categorical_dtype: deprecated in pandas 2.1 (its warning would reach the candidate's
    # output), removed in pandas 3.
    if isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
        return "categorical"
    return "other"


def _same_number(value, stat):
    """The value equals the statistic, exactly or rounded to 0–6 decimals (candidates often round a mean)."""
    v, s = api.number(value), api.number(stat)
    if v is None or s is None:
        return False
    if math.isclose(v, s, rel_tol=1e-9, abs_tol=1e-12):
        return True
    # Not to 0 decimals: a rating's mean 3.67 rounded to 4 is no longer the mean, it is another modality.
    return any(math.isclose(v, round(s, k), rel_tol=1e-12, abs_tol=1e-12) for k in range(1, 7))


def classify_fill(series, value):
    """How a fill value relates to the column before imputation.

    Returns {kind, matches: [mean|median|mode|zero], stats: {...}}, computing statistics lazily and cheaply:
    the mean first, the median only when the mean did not match, the mode — for numbers only when the column
    is discrete (a value count of a million distinct floats costs more than the fillna itself).
    """
    kind = kind_of(series)
    stats = {}
    matches = []
    if kind == "numeric" and not is_bool_like(value):
        if api.number(value) == 0.0:
            matches.append("zero")
        stats["mean"] = api.number(series.mean())
        if _same_number(value, stats["mean"]):
            matches.append("mean")
        else:
            stats["median"] = api.number(series.median())
            if _same_number(value, stats["median"]):
                matches.append("median")
        stats["min"] = api.number(series.min())
        stats["max"] = api.number(series.max())
    # A discrete numeric column may be qualitative (a rating, a code): its mode is wanted even when the value
    # is also its median, so the checks can judge it either way.
    wants_mode = kind != "numeric" or _discrete(series)
    if wants_mode and len(series) <= MODE_MAX_ROWS:
        counts = series.value_counts(dropna=True)
        if not counts.empty:
            top = int(counts.iloc[0])
            modes = [api.safe(v) for v, c in counts.iloc[:5].items() if int(c) == top]
            stats["mode"] = modes[0]
            stats["mode_count"] = top
            if len(modes) > 1:
                stats["modes"] = modes
            if any(_equal(value, m) for m in modes):
                matches.append("mode")
        if kind != "numeric":
            stats["distinct"] = int(len(counts))
            stats["value_seen"] = _seen(counts, value)
    return {"kind": kind, "matches": matches, "stats": {k: v for k, v in stats.items() if v is not None}}


def _discrete(series):
    """Few distinct values in an evenly spaced sample of at most 1,000 rows: codes, counts, ratings."""
    step = max(1, len(series) // 1000)
    return int(series.iloc[::step].nunique(dropna=True)) <= 50


def is_bool_like(value):
    return isinstance(value, bool)


def _equal(a, b):
    if api.number(a) is not None and api.number(b) is not None:
        return _same_number(a, b)
    return str(a) == str(b)


def _seen(counts, value):
    """Whether the fill value is one of the column's existing modalities (from its value counts)."""
    try:
        return bool(value in counts.index)
    except Exception:  # noqa: BLE001 - an unhashable fill value
        return False
