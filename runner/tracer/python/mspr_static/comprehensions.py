"""Loops the reader can unroll: the items of a known list, dict or string, and comprehensions over them."""

import ast

from . import expressions
from .code_text import text
from .values import Const, Data, Dict, Seq, Unknown


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
                results.append((expressions.evaluate(reader, node.key, inner, unit), expressions.evaluate(reader, node.value, inner, unit)))
            else:
                results.append(expressions.evaluate(reader, node.elt, inner, unit))
            return True
        generator = generators[index]
        iterable = expressions.evaluate(reader, generator.iter, inner if index else scope, unit)
        items = items_of(iterable)
        if items is None or len(items) > 50:
            reader.assign(generator.target, reader.fresh(text(unit, generator.iter)) if isinstance(iterable, Data) else Unknown(text(unit, generator.target)), inner, unit, generator.iter)
            for condition in generator.ifs:
                expressions.evaluate(reader, condition, inner, unit)
            run(index + 1)
            return False
        known = True
        for item in items:
            reader.assign(generator.target, item, inner, unit, generator.iter)
            keep = True
            for condition in generator.ifs:
                test = expressions.evaluate(reader, condition, inner, unit)
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
