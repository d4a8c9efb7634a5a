"""Parameter grids read in the code: the parameters searched, each one's values, and how many combinations."""

from .describe import json_value
from .values import Const, Dict, Ref, Seq, Unknown, const_of


def _size(value):
    """Number of values a grid entry tries: a list or range literal, np.linspace…; None for a distribution
    (`scipy.stats.uniform(…)`, a randomized search's), `False` when the reader cannot tell."""
    if isinstance(value, Seq):
        return len(value.items)
    resolved = const_of(value, None)
    if isinstance(resolved, (list, tuple)):
        return len(resolved)
    if isinstance(value, Unknown) and value.text and ("stats." in value.text or "uniform(" in value.text or "randint(" in value.text):
        return None
    return False


def _one(grid):
    if not isinstance(grid, Dict):
        return None
    names = []
    space = {}
    combinations = 1
    for key, value in grid.items:
        if not isinstance(key, Const) or not isinstance(key.value, str):
            return None
        size = _size(value)
        if size is False:
            return None
        names.append(key.value)
        values = json_value(value) if isinstance(value, Seq) else None
        space[key.value] = {"size": size, "values": values[:20] if isinstance(values, list) else None}
        combinations = combinations * size if (combinations is not None and size is not None) else None
    return names, space, combinations


def grid_space(grid):
    """{params, space, grid_size} of a dict grid or a list of dict grids (sizes add up); None when unresolved."""
    grids = grid.items if isinstance(grid, Seq) else [grid]
    names = []
    space = {}
    total = 0
    for item in grids:
        read = _one(item)
        if read is None:
            return None
        item_names, item_space, combinations = read
        for name in item_names:
            if name not in names:
                names.append(name)
        space.update(item_space)
        total = total + combinations if (total is not None and combinations is not None) else None
    if not grids:
        return None
    return {"params": names, "space": space, "grid_size": total}


__all__ = ["grid_space", "Ref"]


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
