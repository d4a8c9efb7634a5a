"""Attribute and item access on values: a library name's attribute, a team module's name, an estimator's fitted
attributes, a frame's column (`df.annee`, `df["annee"]`) or rows (`df[mask]`, `df[:800]`), and item assignment.
"""

from .code_text import text
from .values import Const, Data, Dict, Figure, Mask, Module, Obj, Ref, Seq, Stat, Unknown


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
