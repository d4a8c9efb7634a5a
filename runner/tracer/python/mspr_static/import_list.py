"""The libraries the team's code imports: every `import x` / `from x import y` of a file handed over, with its place.

What is left out is decided here, on the Python side, because only the interpreter knows its standard library
(`sys.stdlib_module_names`): the standard library, `__future__`, relative imports, and the team's own modules
(a file or folder of the repository the interpreter would find from the importing file's folder, its parents, the
root or `src/`). An import inside `try:` whose handler catches ImportError is optional (`optional: true`): the code
runs without it.
"""

import ast
import posixpath
import sys

from .sources import parse

_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def _roots(path):
    roots = []
    folder = posixpath.dirname(path)
    while True:
        roots.append(folder)
        if not folder:
            break
        folder = posixpath.dirname(folder)
    return roots + ["src"]


def _own(top, path, files, folders):
    for root in _roots(path):
        base = posixpath.join(root, top) if root else top
        if base + ".py" in files or base in folders:
            return True
    return False


def _catches_import_error(handler):
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(name, ast.Name) and name.id in _IMPORT_ERRORS for name in names)


def _walk(node, optional, found):
    """Import statements under `node`, each with whether a `try` around it catches its ImportError."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        found.append((node, optional))
        return
    if isinstance(node, ast.Try) or (hasattr(ast, "TryStar") and isinstance(node, getattr(ast, "TryStar"))):
        guarded = optional or any(_catches_import_error(handler) for handler in node.handlers)
        for child in node.body:
            _walk(child, guarded, found)
        for child in node.handlers + node.orelse + node.finalbody:
            _walk(child, optional, found)
        return
    for child in ast.iter_child_nodes(node):
        _walk(child, optional, found)


def list_imports(files, problems):
    """[{module, file, line, cell?, optional?}] for every library import of the handed files, in file order."""
    stdlib = set(getattr(sys, "stdlib_module_names", ())) | set(sys.builtin_module_names) | {"__future__"}
    folders = set()
    for path in files:
        parts = path.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folders.add("/".join(parts[:depth]))
    out = []
    for path in sorted(files):
        for unit in parse(path, files[path], problems):
            found = []
            _walk(unit.tree, False, found)
            for node, optional in found:
                if isinstance(node, ast.ImportFrom):
                    if node.level or not node.module:
                        continue
                    modules = [node.module]
                else:
                    modules = [alias.name for alias in node.names]
                for module in modules:
                    top = module.split(".")[0]
                    if top in stdlib or _own(top, path, files, folders):
                        continue
                    item = {"module": module, "file": path, "line": node.lineno}
                    if unit.cell is not None:
                        item["cell"] = unit.cell
                    if optional:
                        item["optional"] = True
                    out.append(item)
    return out
