"""Recognises regression metrics written by hand in one statement's syntax tree.

A reduction (`np.mean(...)`, `np.sum(...)`, `(...).mean()`) over a residual `a - b` — squared (`** 2`,
`np.square`), absolute (`np.abs`, `abs`, `.abs()`) or relative (`np.abs((a - b) / a)`) — is an MSE, MAE or MAPE;
what surrounds it says the rest: a square root (`np.sqrt`, `math.sqrt`, `** 0.5`) makes an RMSE, `/ len(y)` turns
a sum into a mean, `* 100` a percentage, and `1 - sse / sst` an R². When the result is assigned to a name, the
statements after it in the same block are read for that name under a square root or in `1 - name / …`.
"""

import ast

from .code_reading import dotted, expressions  # noqa: F401 - dotted is used by hand_metrics too

_SQRT = ("sqrt",)
_ABS = ("abs", "absolute", "fabs")
_SQUARE = ("square",)


class Formula:
    """One recognised reduction: its metric so far, operand nodes and the outermost node of the metric."""

    __slots__ = ("node", "reduction", "kind", "a", "b", "metric", "top", "ops", "divisor", "denominator", "assigned")

    def __init__(self, node, reduction, kind, a, b):
        self.node, self.reduction, self.kind, self.a, self.b = node, reduction, kind, a, b
        self.metric = {"squared": "mse", "absolute": "mae", "relative": "mape"}[kind] if reduction == "mean" else "s" + kind[:2]
        self.top, self.ops, self.divisor, self.denominator, self.assigned = node, [], None, None, None


def _last(name):
    return name.rsplit(".", 1)[-1] if name else None


def _reduced(node, function):
    """The expression a Call reduces with `function` (mean/sum), as a function (np.mean(x)) or a method (x.mean())."""
    if not isinstance(node, ast.Call):
        return None
    name = dotted(node.func)
    if name is not None and _last(name) == function and "." in name and node.args:
        return node.args[0]
    if name is not None and name == function and node.args:
        return node.args[0]
    if isinstance(node.func, ast.Attribute) and node.func.attr == function and not node.args:
        return node.func.value
    return None


def _is_power(node, exponent):
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow) and _constant(node.right) == exponent


def _constant(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and _constant(node.left) is not None and _constant(node.right):
        return _constant(node.left) / _constant(node.right)
    return None


def _call_of(node, names):
    return isinstance(node, ast.Call) and len(node.args) >= 1 and _last(dotted(node.func)) in names


def _residual(node, residuals):
    """(a, b) for `a - b` (parentheses are not nodes), or for a name assigned `a - b` earlier in the block
    (`erreur = y_test - y_pred`; `residuals` holds those)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
        return node.left, node.right
    if isinstance(node, ast.Name) and node.id in residuals:
        return residuals[node.id]
    return None


def _earlier_residuals(preceding):
    """{name: (a, b)} for the last `name = a - b` of each name among the statements before this one."""
    found = {}
    for statement in preceding[-50:]:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
            value = statement.value
            name = statement.targets[0].id
            if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Sub):
                found[name] = (value.left, value.right)
            else:
                found.pop(name, None)
    return found


def _shape(inner, residuals):
    """(kind, a, b) for a squared, absolute or relative residual, else None."""
    if _is_power(inner, 2.0) or (_call_of(inner, ("power",)) and len(inner.args) == 2 and _constant(inner.args[1]) == 2.0):
        pair = _residual(inner.left if isinstance(inner, ast.BinOp) else inner.args[0], residuals)
        return ("squared",) + pair if pair else None
    if _call_of(inner, _SQUARE):
        pair = _residual(inner.args[0], residuals)
        return ("squared",) + pair if pair else None
    body = None
    if _call_of(inner, _ABS):
        body = inner.args[0]
    elif isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr == "abs" and not inner.args:
        body = inner.func.value
    if body is None:
        return None
    if isinstance(body, ast.BinOp) and isinstance(body.op, ast.Div):
        pair = _residual(body.left, residuals)
        return ("relative",) + pair if pair else None
    pair = _residual(body, residuals)
    return ("absolute",) + pair if pair else None


def recognise(statement, function, preceding=()):
    """Every reduction with `function` in the statement that computes a metric, each interpreted in its context."""
    residuals = _earlier_residuals(preceding)
    parents = {}
    nodes = expressions(statement)
    for node in [statement] + nodes:
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    found = []
    for node in nodes:
        inner = _reduced(node, function)
        shape = _shape(inner, residuals) if inner is not None else None
        if shape is not None:
            formula = Formula(node, function, *shape)
            _climb(formula, parents)
            found.append(formula)
    return found


def _climb(formula, parents):
    while True:
        parent = parents.get(formula.top)
        if parent is None:
            break
        if formula.metric in ("ssq", "sab") and isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Div) and parent.left is formula.top:
            grand = parents.get(parent)
            if formula.metric == "ssq" and isinstance(grand, ast.BinOp) and isinstance(grand.op, ast.Sub) and _constant(grand.left) == 1.0 and grand.right is parent:
                formula.metric, formula.denominator, formula.top = "r2", parent.right, grand
                formula.ops.append("r2")
                continue
            formula.metric = "mse" if formula.metric == "ssq" else "mae"
            formula.divisor, formula.top = parent.right, parent
            formula.ops.append("divide")
            continue
        if formula.metric == "mse" and (_call_of(parent, _SQRT) and parent.args[0] is formula.top or _is_power(parent, 0.5) and parent.left is formula.top):
            formula.metric, formula.top = "rmse", parent
            formula.ops.append("sqrt")
            continue
        if formula.metric == "mape" and isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Mult) and 100.0 in (_constant(parent.left), _constant(parent.right)):
            formula.top = parent
            formula.ops.append("percent")
            continue
        break
    parent = parents.get(formula.top)
    if isinstance(parent, (ast.Assign, ast.AnnAssign)) and parent.value is formula.top:
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        if len(targets) == 1 and isinstance(targets[0], ast.Name):
            formula.assigned = targets[0].id


def assigned_name(statement, call_node_test):
    """The name a statement assigns when its value is the call `call_node_test` accepts (`mse = mean_squared_error(…)`)."""
    if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None and call_node_test(statement.value):
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        if len(targets) == 1 and isinstance(targets[0], ast.Name):
            return targets[0].id
    return None


def later_uses(name, metric, following):
    """[(metric, node, statement)] where later statements take the root of an MSE (`np.sqrt(mse)`, `mse ** 0.5`) or
    turn a sum of squares into an R² (`1 - sse / sst`); stops where the name is assigned again."""
    found = []
    for statement in following[:200]:
        for node in ast.walk(statement):
            if metric == "mse" and (_call_of(node, _SQRT) and _is_name(node.args[0], name) or _is_power(node, 0.5) and _is_name(node.left, name)):
                found.append(("rmse", node, statement))
            elif metric == "ssq" and isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and _constant(node.left) == 1.0 \
                    and isinstance(node.right, ast.BinOp) and isinstance(node.right.op, ast.Div) and _is_name(node.right.left, name):
                found.append(("r2", node, statement))
        if any(isinstance(t, ast.Name) and t.id == name for n in ast.walk(statement) if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign))
               for t in (n.targets if isinstance(n, ast.Assign) else [n.target])):
            break
    return found[:5]


def _is_name(node, name):
    return isinstance(node, ast.Name) and node.id == name
