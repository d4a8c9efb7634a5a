"""Describes the arrays passed to libraries without copying them: size, column names and a fingerprint.

The fingerprint hashes the shape and up to 16 evenly spaced rows, as float64 when numeric (so a DataFrame, its
`.values` and a scaler's output of the same numbers agree) and as text otherwise. It costs a few row lookups
whatever the size, never mutates the object, and lets the TypeScript side tell "fit on X_train" from
"predict on X_test" even when the candidate split by hand.
"""

import sys

SAMPLE_ROWS = 16
MAX_COLUMNS = 100


def rows_of(x):
    shape = getattr(x, "shape", None)
    if isinstance(shape, tuple) and shape:
        return int(shape[0]) if shape[0] is not None else None
    try:
        return len(x)
    except Exception:  # noqa: BLE001
        return None


def cols_of(x):
    shape = getattr(x, "shape", None)
    if isinstance(shape, tuple):
        return int(shape[1]) if len(shape) >= 2 and shape[1] is not None else None
    try:
        first = x[0]
        return len(first) if isinstance(first, (list, tuple)) else None
    except Exception:  # noqa: BLE001
        return None


def _sample_indices(n):
    if n <= SAMPLE_ROWS:
        return list(range(n))
    step = (n - 1) / (SAMPLE_ROWS - 1)
    return sorted({int(round(i * step)) for i in range(SAMPLE_ROWS)})


def _sample(x, idx):
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(x, (pd.DataFrame, pd.Series)):
        return x.iloc[idx].to_numpy()
    np = sys.modules.get("numpy")
    if np is not None and isinstance(x, np.ndarray):
        return x[idx] if x.ndim else x
    if hasattr(x, "tocsr") and hasattr(x, "toarray"):  # scipy sparse
        return x.tocsr()[idx].toarray()
    return [x[i] for i in idx]


def fingerprint(x, n=None):
    """16 hex digits identifying the data (shape + sampled values); None when it cannot be computed."""
    if x is None:
        return None
    n = rows_of(x) if n is None else n
    if n is None:
        return None
    import hashlib  # imported on first use: start-up time matters for every Python process of a run

    values = _sample(x, _sample_indices(n))
    np = sys.modules.get("numpy")
    h = hashlib.blake2b(digest_size=8)
    h.update(repr((n, cols_of(x))).encode())
    if np is not None:
        arr = values if isinstance(values, np.ndarray) else np.asarray(values, dtype=object)
        if arr.dtype.kind in "biuf":
            h.update(np.ascontiguousarray(arr, dtype=np.float64).tobytes())
        else:
            h.update(repr(_plain(arr.tolist())).encode())
    else:
        h.update(repr(_plain(values)).encode())
    return h.hexdigest()


def _plain(values):
    """Numbers as floats, so 3 and 3.0 fingerprint alike in object arrays."""
    if isinstance(values, list):
        return [_plain(v) for v in values]
    if isinstance(values, bool) or not isinstance(values, (int, float)):
        return values
    return float(values)


def describe(x, with_columns=True):
    """{rows, cols, fp, kind[, columns]} for an array-like argument; None for None."""
    if x is None:
        return None
    n = rows_of(x)
    out = {"rows": n, "cols": cols_of(x), "kind": type(x).__name__, "fp": fingerprint(x, n)}
    columns = getattr(x, "columns", None)
    if with_columns and columns is not None:
        names = [str(c) for c in list(columns)[:MAX_COLUMNS]]
        out["columns"] = names
    name = getattr(x, "name", None)
    if isinstance(name, str) and getattr(x, "ndim", 2) == 1:
        out["name"] = name
    dtype = getattr(x, "dtype", None)
    if dtype is not None and getattr(x, "ndim", 2) == 1:
        out["dtype"] = str(dtype)
    return out


def value_kind(y):
    """numeric | categorical | mixed, plus the dtype string, for a target vector."""
    pd = sys.modules.get("pandas")
    np = sys.modules.get("numpy")
    dtype = getattr(y, "dtype", None)
    if dtype is None and np is not None:
        y = np.asarray(y, dtype=object)
        dtype = y.dtype
    if dtype is None:
        return "mixed", "unknown"
    text = str(dtype)
    kind = getattr(dtype, "kind", "O")
    if text == "category":
        return "categorical", text
    if kind == "b" or text == "boolean":
        return "categorical", text
    if kind in "iuf":
        return "numeric", text
    if text.startswith(("Int", "UInt", "Float")):
        return "numeric", text
    if pd is not None:
        inferred = pd.api.types.infer_dtype(y, skipna=True)
        if inferred in ("string", "categorical", "boolean", "bytes"):
            return "categorical", text
        if inferred in ("integer", "floating", "mixed-integer-float", "decimal", "integer-na"):
            return "numeric", text
        if inferred == "empty":
            return "numeric", text
        return "mixed", text
    return "mixed", text


def n_unique(y, limit=1_000_000):
    """Distinct values (NaN excluded) for targets up to `limit` rows; None beyond that."""
    n = rows_of(y)
    if n is None or n > limit:
        return None
    pd = sys.modules.get("pandas")
    if pd is not None:
        return int(pd.Series(y if getattr(y, "ndim", 1) == 1 else list(y)).nunique(dropna=True))
    return len(set(y))
