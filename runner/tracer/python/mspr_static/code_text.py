"""The code of a node as written: what events name (which variable, which expression)."""

import ast


def text(unit, node, limit=120):
    """The code of a node, as written (for events: which variable, which expression)."""
    if node is None:
        return None
    try:
        code = ast.unparse(node) if hasattr(ast, "unparse") else ast.dump(node)
    except Exception:  # noqa: BLE001 — unparse of a strange tree: no text, no failure
        return None
    return code if len(code) <= limit else code[: limit - 1] + "…"
