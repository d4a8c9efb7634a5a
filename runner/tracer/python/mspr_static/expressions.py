"""What an expression is worth (values.py), computed from the names in scope; calls are calls.py's business.
Operators are operators.py's, attribute and item access access.py's, comprehensions comprehensions.py's.
"""

import ast

from .access import attribute, store_item, subscript
from .code_text import text
from .comprehensions import comprehension, items_of
from .operators import binop, compare
from .values import BestParams, Const, Data, Dict, Mask, Seq, Stat, Unknown, const_of

#: Statistics a fill value may be (`df["x"].median()`).
STATS = {"mean", "median", "mode", "min", "max", "std", "sum", "quantile"}


def evaluate(reader, node, scope, unit):
    reader.tick()
    if isinstance(node, ast.Constant):
        return Const(node.value) if isinstance(node.value, (int, float, str, bool, type(None))) else Unknown(text(unit, node))
    if isinstance(node, ast.Name):
        value = scope.lookup(node.id)
        return Unknown(node.id) if isinstance(value, Unknown) else value
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items = []
        for elt in node.elts:
            if isinstance(elt, ast.Starred):
                inner = items_of(evaluate(reader, elt.value, scope, unit))
                if inner is None:
                    return Unknown(text(unit, node))
                items.extend(inner)
            else:
                items.append(evaluate(reader, elt, scope, unit))
        return Seq(items, "tuple" if isinstance(node, ast.Tuple) else "list")
    if isinstance(node, ast.Dict):
        pairs = []
        for key, value in zip(node.keys, node.values):
            if key is None:  # {**other}
                other = evaluate(reader, value, scope, unit)
                if isinstance(other, Dict):
                    pairs.extend(other.items)
                continue
            pairs.append((evaluate(reader, key, scope, unit), evaluate(reader, value, scope, unit)))
        return Dict(pairs)
    if isinstance(node, ast.Attribute):
        return attribute(reader, evaluate(reader, node.value, scope, unit), node.attr, node, unit)
    if isinstance(node, ast.Call):
        from .calls import call

        return call(reader, node, scope, unit)
    if isinstance(node, ast.BinOp):
        left = evaluate(reader, node.left, scope, unit)
        right = evaluate(reader, node.right, scope, unit)
        return binop(reader, node.op, left, right, node, unit)
    if isinstance(node, ast.UnaryOp):
        operand = evaluate(reader, node.operand, scope, unit)
        if isinstance(operand, Const) and isinstance(operand.value, (int, float, bool)):
            try:
                if isinstance(node.op, ast.USub):
                    return Const(-operand.value)
                if isinstance(node.op, ast.UAdd):
                    return Const(+operand.value)
                if isinstance(node.op, ast.Not):
                    return Const(not operand.value)
            except Exception:  # noqa: BLE001
                pass
        if isinstance(node.op, ast.Not) and isinstance(operand, Const):
            return Const(not operand.value)
        return operand if isinstance(operand, Data) else Unknown(text(unit, node))
    if isinstance(node, ast.Compare):
        return compare(reader, node, scope, unit)
    if isinstance(node, ast.BoolOp):
        values = [evaluate(reader, v, scope, unit) for v in node.values]
        if all(isinstance(v, Const) for v in values):
            result = values[0].value
            for v in values[1:]:
                result = (result and v.value) if isinstance(node.op, ast.And) else (result or v.value)
            return Const(result)
        masks = [v for v in values if isinstance(v, Mask)]
        return Mask(masks[0].frame, masks[0].column, text(unit, node)) if masks else Unknown(text(unit, node))
    if isinstance(node, ast.Subscript):
        container = evaluate(reader, node.value, scope, unit)
        key = evaluate(reader, node.slice, scope, unit)
        return subscript(reader, container, key, node, unit)
    if isinstance(node, ast.Index):  # Python 3.8
        return evaluate(reader, node.value, scope, unit)
    if isinstance(node, ast.JoinedStr):
        parts = []
        known = True
        for value in node.values:  # every part is read: f"{mean_squared_error(y_test, p):.0f}" is a metric call
            part = evaluate(reader, value.value if isinstance(value, ast.FormattedValue) else value, scope, unit)
            if not isinstance(part, Const) or getattr(value, "format_spec", None) is not None:
                known = False
            else:
                parts.append(str(part.value))
        return Const("".join(parts)) if known else Unknown(text(unit, node))
    if isinstance(node, ast.IfExp):
        test = evaluate(reader, node.test, scope, unit)
        if isinstance(test, Const):
            return evaluate(reader, node.body if test.value else node.orelse, scope, unit)
        body = evaluate(reader, node.body, scope, unit)
        orelse = evaluate(reader, node.orelse, scope, unit)
        return body if not isinstance(body, (Const, Unknown)) else Unknown(text(unit, node))
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return comprehension(reader, node, scope, unit)
    if isinstance(node, ast.NamedExpr):
        value = evaluate(reader, node.value, scope, unit)
        reader.assign(node.target, value, scope, unit, node.value)
        return value
    if isinstance(node, ast.Lambda):
        return Unknown("lambda")
    if isinstance(node, ast.Starred):
        return evaluate(reader, node.value, scope, unit)
    if isinstance(node, (ast.Await, ast.Yield, ast.YieldFrom)):
        if getattr(node, "value", None) is not None:
            evaluate(reader, node.value, scope, unit)
        return Unknown(text(unit, node))
    if isinstance(node, ast.Slice):
        for part in (node.lower, node.upper, node.step):
            if part is not None:
                evaluate(reader, part, scope, unit)
        return Unknown("slice")
    return Unknown(text(unit, node))


__all__ = ["evaluate", "binop", "compare", "attribute", "subscript", "items_of", "text", "store_item", "comprehension", "STATS", "BestParams", "Stat", "const_of"]
