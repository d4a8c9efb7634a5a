"""What an expression is worth (values.py), computed from the names in scope; calls are calls.py's business."""

import ast
import operator

from .values import BestParams, Const, Data, Dict, Figure, Mask, MetricValue, Module, Obj, Ref, Seq, Stat, Unknown, const_of

_BINOPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
}
_COMPARE = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
    ast.GtE: operator.ge, ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
}
#: Statistics a fill value may be (`df["x"].median()`).
STATS = {"mean", "median", "mode", "min", "max", "std", "sum", "quantile"}


def text(unit, node, limit=120):
    """The code of a node, as written (for events: which variable, which expression)."""
    if node is None:
        return None
    try:
        code = ast.unparse(node) if hasattr(ast, "unparse") else ast.dump(node)
    except Exception:  # noqa: BLE001 — unparse of a strange tree: no text, no failure
        return None
    return code if len(code) <= limit else code[: limit - 1] + "…"


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
        from .ml_calls import root_of

        return root_of(reader, left, node, unit)
    if isinstance(left, Data) or isinstance(right, Data):
        base = left if isinstance(left, Data) else right
        return Data(base.fp, text(unit, node), base.column)
    if isinstance(op, ast.Add) and isinstance(left, Seq) and isinstance(right, Seq):
        return Seq(left.items + right.items, left.kind)
    return Unknown(text(unit, node))


def compare(reader, node, scope, unit):
    left = evaluate(reader, node.left, scope, unit)
    rights = [evaluate(reader, c, scope, unit) for c in node.comparators]
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


def attribute(reader, value, name, node, unit):
    if isinstance(value, Ref):
        return Ref(value.qualname + "." + name)
    if isinstance(value, Module):
        from .imports import attribute as module_attribute

        return module_attribute(reader, value, name)
    if isinstance(value, Obj):
        from .ml_calls import obj_attribute

        return obj_attribute(reader, value, name, node, unit)
    if isinstance(value, Data):
        if name in ("values", "T", "array") :
            return Data(value.fp, text(unit, node), value.column)
        if name in ("iloc", "loc", "str", "dt", "cat", "plot"):
            return Data(value.fp, text(unit, node), value.column)
        if name in ("shape", "columns", "index", "dtypes", "size"):
            return Unknown(text(unit, node))
        return Data(value.fp, text(unit, node), name)  # df.annee: a column
    if isinstance(value, Figure):
        return value
    return Unknown(text(unit, node))


def subscript(reader, container, key, node, unit):
    if isinstance(container, Dict) and isinstance(key, Const):
        found = container.get(key.value)
        return found if found is not None else Unknown(text(unit, node))
    if isinstance(container, Seq) and isinstance(key, Const) and isinstance(key.value, int):
        try:
            return container.items[key.value]
        except IndexError:
            return Unknown(text(unit, node))
    if isinstance(container, Const) and isinstance(key, Const):
        try:
            return Const(container.value[key.value])
        except Exception:  # noqa: BLE001
            return Unknown(text(unit, node))
    if isinstance(container, Data):
        if isinstance(key, Mask):
            from .data_calls import rows_selected

            return rows_selected(reader, container, key, node, unit)
        if isinstance(key, Const) and isinstance(key.value, str):
            return Data(container.fp, text(unit, node), key.value)
        if isinstance(key, Unknown) and key.text == "slice":
            return reader.fresh(text(unit, node))  # df[:800]: other rows
        return Data(container.fp, text(unit, node), None)
    if isinstance(container, Stat):
        return container  # df["x"].mode()[0]
    if isinstance(container, Figure):
        return container  # axes[0]
    return Unknown(text(unit, node))


def store_item(reader, container, key, value, node, unit):
    """`models["lasso"] = Lasso()`, `grid["alpha"] = [...]`; on a frame, a column assignment (fillna by assignment)."""
    if isinstance(container, Dict) and isinstance(key, Const):
        for index, (k, _) in enumerate(container.items):
            if isinstance(k, Const) and k.value == key.value:
                container.items[index] = (k, value)
                return
        container.items.append((key, value))
    elif isinstance(container, Seq) and isinstance(key, Const) and isinstance(key.value, int):
        if -len(container.items) <= key.value < len(container.items):
            container.items[key.value] = value


def items_of(value):
    """The items a loop over this value goes through, when the reader knows them."""
    if isinstance(value, Seq):
        return list(value.items)
    if isinstance(value, Dict):
        return [k for k, _ in value.items]
    if isinstance(value, Const) and isinstance(value.value, (tuple, list, str)) and len(value.value) <= 200:
        return [Const(v) for v in value.value]
    return None


def comprehension(reader, node, scope, unit):
    from .scope import Scope

    inner = Scope(parent=scope)
    generators = node.generators
    results = []

    def run(index):
        if index == len(generators):
            if isinstance(node, ast.DictComp):
                results.append((evaluate(reader, node.key, inner, unit), evaluate(reader, node.value, inner, unit)))
            else:
                results.append(evaluate(reader, node.elt, inner, unit))
            return True
        generator = generators[index]
        iterable = evaluate(reader, generator.iter, inner if index else scope, unit)
        items = items_of(iterable)
        if items is None or len(items) > 50:
            reader.assign(generator.target, reader.fresh(text(unit, generator.iter)) if isinstance(iterable, Data) else Unknown(text(unit, generator.target)), inner, unit, generator.iter)
            for condition in generator.ifs:
                evaluate(reader, condition, inner, unit)
            run(index + 1)
            return False
        known = True
        for item in items:
            reader.assign(generator.target, item, inner, unit, generator.iter)
            keep = True
            for condition in generator.ifs:
                test = evaluate(reader, condition, inner, unit)
                if isinstance(test, Const) and not test.value:
                    keep = False
                elif not isinstance(test, Const):
                    known = False
            if keep:
                known = run(index + 1) and known
        return known

    known = run(0)
    if isinstance(node, ast.DictComp):
        return Dict(results) if known else Unknown(text(unit, node))
    if known and all(isinstance(r, Const) for r in results):
        return Seq(results, "list")
    if known:
        return Seq(results, "list")
    data = [r for r in results if isinstance(r, Data)]
    return data[0] if data else Unknown(text(unit, node))


__all__ = ["evaluate", "binop", "items_of", "text", "store_item", "STATS", "BestParams", "Stat", "const_of"]
