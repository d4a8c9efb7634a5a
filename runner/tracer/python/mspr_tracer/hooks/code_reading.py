"""Reads the candidate's statement at a call site: the file (or notebook cell) parsed once with `ast`, the
statement holding a line, the statements after it in the same block, and a few operand forms evaluated without
running anything the candidate wrote (names, attributes of names, constant subscripts, `.values`/`.to_numpy()`).

Used by the hooks that recognise computations written by hand (an RMSE as `np.sqrt(np.mean((y - p) ** 2))`).
Everything is cached per file; a file that does not parse (IPython magics are blanked first) is simply skipped.
"""

import linecache

_trees = {}
#: Methods that return the same numbers as their receiver (safe to call on pandas/numpy objects).
_SAME_VALUES = ("to_numpy", "ravel", "flatten", "squeeze", "copy")
_SAME_ATTRIBUTES = ("values", "array")


def _tree(filename):
    if filename in _trees:
        return _trees[filename]
    import ast

    lines = linecache.getlines(filename)
    tree = None
    if lines:
        text = "".join(lines)
        try:
            tree = ast.parse(text)
        except SyntaxError:
            # Notebook cells: `%matplotlib inline`, `!pip install …` are not Python.
            blanked = "".join("\n" if line.lstrip().startswith(("%", "!")) else line for line in lines)
            try:
                tree = ast.parse(blanked)
            except SyntaxError:
                tree = None
        except Exception:  # noqa: BLE001 - a file too deep to parse
            tree = None
    if len(_trees) > 200:
        _trees.clear()
    _trees[filename] = tree
    return tree


def statement_at(filename, line):
    """(statement, the statements after it in its block, those before it) for the innermost statement holding
    `line`, or None."""
    tree = _tree(filename)
    if tree is None:
        return None
    block, found = tree.body, None
    while block:
        index = next((i for i, s in enumerate(block) if _holds(s, line)), None)
        if index is None:
            break
        statement = block[index]
        found = (statement, block[index + 1:], block[:index])
        block = next((b for b in _blocks(statement) if any(_holds(s, line) for s in b)), None)
    return found


def _holds(statement, line):
    return statement.lineno <= line <= getattr(statement, "end_lineno", statement.lineno)


def _blocks(statement):
    out = [getattr(statement, name, None) for name in ("body", "orelse", "finalbody")]
    out += [handler.body for handler in getattr(statement, "handlers", None) or []]
    return [b for b in out if isinstance(b, list) and b and all(hasattr(s, "lineno") for s in b)]


def expressions(statement):
    """Every expression node of a statement, not descending into the statements nested in it (a loop's body)."""
    import ast

    stack, out = [statement], []
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                continue
            out.append(child)
            stack.append(child)
    return out


def segment(filename, node):
    """The source text of a node (one line at most 200 characters)."""
    try:
        lines = linecache.getlines(filename)[node.lineno - 1: node.end_lineno]
        if not lines:
            return None
        if len(lines) == 1:
            text = lines[0][node.col_offset: node.end_col_offset]
        else:
            text = lines[0][node.col_offset:] + "".join(lines[1:-1]) + lines[-1][: node.end_col_offset]
        return " ".join(text.split())[:200]
    except Exception:  # noqa: BLE001
        return None


def dotted(node):
    """`np.mean` → "np.mean", `mean` → "mean"; None for anything else."""
    import ast

    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


_MISSING = object()


def evaluate(node, frame):
    """The value of a simple operand in the candidate's frame, or `MISSING` when it is not one of the safe forms."""
    import ast

    if isinstance(node, ast.Name):
        if node.id in frame.f_locals:
            return frame.f_locals[node.id]
        if node.id in frame.f_globals:
            return frame.f_globals[node.id]
        return _MISSING
    if isinstance(node, ast.Attribute) and node.attr in _SAME_ATTRIBUTES:
        base = evaluate(node.value, frame)
        return _MISSING if base is _MISSING or not _is_data(base) else getattr(base, node.attr)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        owner = evaluate(node.value, frame)
        value = owner.__dict__.get(node.attr, _MISSING) if hasattr(owner, "__dict__") else _MISSING
        return value if _is_data(value) else _MISSING
    if isinstance(node, ast.Subscript):
        base = evaluate(node.value, frame)
        key = node.slice.value if type(node.slice).__name__ == "Index" else node.slice  # Python 3.8 wraps it
        if base is _MISSING or not isinstance(key, ast.Constant) or not isinstance(key.value, str) or not _is_frame(base):
            return _MISSING
        return base[key.value] if key.value in base.columns else _MISSING
    if isinstance(node, ast.Call) and not node.args and not node.keywords and isinstance(node.func, ast.Attribute) and node.func.attr in _SAME_VALUES:
        base = evaluate(node.func.value, frame)
        return _MISSING if base is _MISSING or not _is_data(base) else getattr(base, node.func.attr)()
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords and dotted(node.func) in ("np.array", "np.asarray", "numpy.array", "numpy.asarray"):
        base = evaluate(node.args[0], frame)
        import numpy

        return _MISSING if base is _MISSING or not _is_data(base) else numpy.asarray(base)
    return _MISSING


MISSING = _MISSING


def _is_data(value):
    module = type(value).__module__ or ""
    return module.startswith(("numpy", "pandas"))


def _is_frame(value):
    return type(value).__name__ == "DataFrame" and (type(value).__module__ or "").startswith("pandas")
