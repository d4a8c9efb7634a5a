"""Imports: the team's own modules are read (their top level, once), libraries become names (`Ref`).

A module is the team's when a file handed to the reader matches it, looked up as the interpreter would find it from
the places teams run code from: the importing file's folder, the entry's folder and its parents (notebooks doing
`sys.path.append("..")`), the repository's root and `src/`. `from config import TEST_SIZE` then gives the constant
that config.py assigns.
"""

import ast
import posixpath

from .scope import Scope
from .values import Module, Ref, Unknown


def _roots(reader, importer):
    roots = [posixpath.dirname(importer)]
    entry_dir = posixpath.dirname(reader.entry or "")
    while True:
        roots.append(entry_dir)
        if not entry_dir:
            break
        entry_dir = posixpath.dirname(entry_dir)
    roots += ["", "src"]
    seen = []
    for root in roots:
        if root not in seen:
            seen.append(root)
    return seen


def _join(root, *parts):
    path = posixpath.normpath(posixpath.join(root, *parts)) if root else posixpath.normpath(posixpath.join(*parts))
    return None if path.startswith("..") or path.startswith("/") else path


def module_path(reader, dotted, roots):
    """The file a dotted module name reads from, among the team's files, or None (a library)."""
    parts = dotted.split(".")
    for root in roots:
        base = _join(root, *parts)
        if base is None:
            continue
        for candidate in (base + ".py", base + "/__init__.py"):
            if candidate in reader.files:
                return candidate
    return None


def _package_folder(reader, dotted, roots):
    """A folder of the team's holding modules (a namespace package such as `src` without __init__.py)."""
    for root in roots:
        base = _join(root, *dotted.split("."))
        if base and any(path.startswith(base + "/") and path.endswith(".py") for path in reader.files):
            return base
    return None


def load(reader, dotted, roots):
    """The team's module (or package folder) for a dotted name, read on first use; None for a library."""
    path = module_path(reader, dotted, roots)
    if path is not None:
        return reader.import_module(path)
    folder = _package_folder(reader, dotted, roots)
    if folder is not None:
        key = folder + "/"
        if key not in reader.modules:
            reader.modules[key] = Module(key, Scope())
        return reader.modules[key]
    return None


def attribute(reader, module, name):
    """`module.name`: a name its top level bound, else a submodule file of the package."""
    if name in module.env.vars:
        return module.env.vars[name]
    folder = module.path[:-1] if module.path.endswith("/") else (posixpath.dirname(module.path) if module.path.endswith("__init__.py") else None)
    if folder is not None:
        found = load(reader, name, [folder])
        if found is not None:
            module.env.set(name, found)
            return found
    return Unknown(name)


def bind_import(reader, stmt, scope, unit):
    roots = _roots(reader, unit.file)
    if isinstance(stmt, ast.Import):
        for alias in stmt.names:
            parts = alias.name.split(".")
            team = load(reader, alias.name, roots)
            if team is None:
                scope.set(alias.asname or parts[0], Ref(alias.name if alias.asname else parts[0]))
                continue
            if alias.asname or len(parts) == 1:
                scope.set(alias.asname or parts[0], team)
                continue
            top = load(reader, parts[0], roots)
            if top is not None:
                holder = top
                for depth in range(1, len(parts)):
                    inner = load(reader, ".".join(parts[: depth + 1]), roots)
                    if inner is None:
                        break
                    holder.env.set(parts[depth], inner)
                    holder = inner
                scope.set(parts[0], top)
        return
    if stmt.level:
        base = posixpath.dirname(unit.file)
        for _ in range(stmt.level - 1):
            base = posixpath.dirname(base)
        roots = [base]
        dotted = stmt.module or ""
    else:
        dotted = stmt.module or ""
    team = load(reader, dotted, roots) if dotted else (load_folder(reader, roots[0]) if stmt.level else None)
    for alias in stmt.names:
        if alias.name == "*":
            if team is not None:
                for name, value in team.env.vars.items():
                    if not name.startswith("_"):
                        scope.set(name, value)
            continue
        if team is not None:
            scope.set(alias.asname or alias.name, attribute(reader, team, alias.name))
        else:
            scope.set(alias.asname or alias.name, Ref("%s.%s" % (dotted, alias.name) if dotted else alias.name))


def load_folder(reader, folder):
    """`from . import x`: the package folder itself."""
    init = _join(folder, "__init__.py") if folder else "__init__.py"
    if init in reader.files:
        return reader.import_module(init)
    key = (folder or "") + "/"
    if key not in reader.modules:
        reader.modules[key] = Module(key, Scope())
    return reader.modules[key]
