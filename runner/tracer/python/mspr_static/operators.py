"""Operators on values: arithmetic and comparisons of constants, a root taken of a metric (`mse ** 0.5`), an
operation on a frame (still that frame), and comparisons of a column that make a row mask.
"""

import ast
import operator

from . import expressions
from .code_text import text
from .values import Const, Data, Mask, MetricValue, Seq, Unknown

_BINOPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
}
_COMPARE = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
    ast.GtE: operator.ge, ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
}


def binop(reader, op, left, right, node, unit):
    if isinstance(left, Const) and isinstance(right, Const) and type(op) in _BINOPS:
        try:
            if isinstance(op, ast.Pow) and isinstance(right.value, (int, float)) and abs(right.value) > 64:
                return Unknown(text(unit, node))
            if isinstance(op, ast.Mult) and isinstance(left.value, str) and isinstance(right.value, int) and right.value > 1000:
                return Unknown(text(unit, node))
            result = _BINOPS[type(op)](left.value, right.value)
            if isinstance(result, (str, tuple)) and len(result) > 100000:
                return Unknown(text(unit, node))
            return Const(result)
        except Exception:  # noqa: BLE001 — 1 / 0, "a" - 1: not a constant
            return Unknown(text(unit, node))
    if isinstance(op, ast.Pow) and isinstance(left, MetricValue) and isinstance(right, Const) and right.value == 0.5:
        from .ml_metrics import root_of

        return root_of(reader, left, node, unit)
    if isinstance(left, Data) or isinstance(right, Data):
        base = left if isinstance(left, Data) else right
        return Data(base.fp, text(unit, node), base.column)
    if isinstance(op, ast.Add) and isinstance(left, Seq) and isinstance(right, Seq):
        return Seq(left.items + right.items, left.kind)
    return Unknown(text(unit, node))


def compare(reader, node, scope, unit):
    left = expressions.evaluate(reader, node.left, scope, unit)
    rights = [expressions.evaluate(reader, c, scope, unit) for c in node.comparators]
    if isinstance(left, Const) and all(isinstance(r, Const) for r in rights) and all(type(op) in _COMPARE for op in node.ops):
        try:
            current = left.value
            for op, right in zip(node.ops, rights):
                if not _COMPARE[type(op)](current, right.value):
                    return Const(False)
                current = right.value
            return Const(True)
        except Exception:  # noqa: BLE001
            return Unknown(text(unit, node))
    if isinstance(left, Data) and left.column is not None:
        return Mask(left.fp, left.column, text(unit, node))
    return Unknown(text(unit, node))
