"""Walks the team's code in the order it would run, without running it.

Statements are followed from an entry (a script, or a notebook's cells in order): imports of the team's own modules
are read at their first import, functions are read when called (parameters bound to the arguments, so `evaluer(nom,
y_test, pred)` knows `y_test`), loops over a literal list or dict are unrolled, an `if` the reader cannot decide reads
both branches and merges them (scope.merge). Library calls become facts (calls.py). Nothing is executed and nothing
is imported: the only inputs are the texts handed over on stdin.
"""

import ast
import time

from . import expressions
from .scope import Scope, merge
from .sources import parse
from .values import Const, Data, Dict, Func, Module, Seq, Unknown, Obj, const_of

MAX_DEPTH = 8
MAX_UNROLL = 50


class Budget(Exception):
    """The reading of one entry went over its node or time budget: what was read so far stays."""


class Frame:
    """One reading of a body: what it returned first, and whether a top-level `return` ended it."""

    __slots__ = ("returned", "done", "body")

    def __init__(self, body=()):
        self.returned = None
        self.done = False
        self.body = body


class Reader:
    def __init__(self, files, sink, problems, max_nodes=400000, max_seconds=10.0):
        self.files = files
        self.sink = sink
        self.problems = problems
        self.units = {}
        self.modules = {}
        self.counters = {"token": 0, "fp": 0}
        self.stack = []
        self.max_nodes = max_nodes
        self.max_seconds = max_seconds
        self.nodes = 0
        self.deadline = 0.0
        self.entry = None
        self.entry_scope = None
        self.figures = None
        self.corr = set()
        self.by_column = {}

    # ---- identities -------------------------------------------------------------------------------------------
    def token(self):
        self.counters["token"] += 1
        return "s%d" % self.counters["token"]

    def fresh(self, expr=None, column=None):
        self.counters["fp"] += 1
        return Data("static:%d" % self.counters["fp"], expr, column)

    def tick(self):
        self.nodes += 1
        if self.nodes > self.max_nodes or (self.nodes % 2000 == 0 and time.monotonic() > self.deadline):
            raise Budget()

    # ---- entries and modules ----------------------------------------------------------------------------------
    def units_of(self, path):
        if path not in self.units:
            self.units[path] = parse(path, self.files[path], self.problems)
        return self.units[path]

    def read_entry(self, path):
        """Reads one entry from its first line (or first cell) to its last; facts go to the sink."""
        from . import charts

        self.modules = {}
        self.entry = path
        self.nodes = 0
        self.deadline = time.monotonic() + self.max_seconds
        self.figures = charts.Figures(self)
        self.corr = set()
        self.by_column = {}
        scope = Scope()
        scope.set("__name__", Const("__main__"))
        scope.set("__file__", Const(path))
        self.entry_scope = scope
        try:
            for unit in self.units_of(path):
                self.exec_block(unit.tree.body, scope, unit, Frame())
                if unit.cell is not None:
                    self.figures.flush(unit, unit.tree, "cell")
            last = self.units_of(path)
            if last:
                self.figures.flush(last[-1], last[-1].tree, "exit")
        except Budget:
            self.problems.append("%s: read in part (over the reader's budget of %d steps or %.0f s)" % (path, self.max_nodes, self.max_seconds))
        except RecursionError:
            self.problems.append("%s: read in part (nested too deeply)" % path)

    def import_module(self, path):
        """A team module's namespace, reading its top level at the first import (as Python does)."""
        if path in self.modules:
            return self.modules[path]
        scope = Scope()
        scope.set("__name__", Const(path[:-3].replace("/", ".")))
        scope.set("__file__", Const(path))
        module = Module(path, scope)
        self.modules[path] = module
        if len(self.stack) < MAX_DEPTH:
            self.stack.append(path)
            try:
                for unit in self.units_of(path):
                    self.exec_block(unit.tree.body, scope, unit, Frame())
            finally:
                self.stack.pop()
        return module

    # ---- statements -------------------------------------------------------------------------------------------
    def exec_block(self, body, scope, unit, frame):
        for stmt in body:
            if frame.done:
                return
            self.tick()
            self.exec_stmt(stmt, scope, unit, frame)

    def exec_stmt(self, stmt, scope, unit, frame):
        ev = lambda node: expressions.evaluate(self, node, scope, unit)  # noqa: E731
        if isinstance(stmt, ast.Expr):
            ev(stmt.value)
        elif isinstance(stmt, ast.Assign):
            value = ev(stmt.value)
            for target in stmt.targets:
                self.assign(target, value, scope, unit, stmt.value)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self.assign(stmt.target, ev(stmt.value), scope, unit, stmt.value)
        elif isinstance(stmt, ast.AugAssign):
            current = ev(stmt.target) if isinstance(stmt.target, ast.Name) else Unknown()
            value = expressions.binop(self, stmt.op, current, ev(stmt.value), stmt, unit)
            if isinstance(stmt.target, ast.Name):
                scope.set(stmt.target.id, value)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            self.exec_import(stmt, scope, unit)
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defaults = [ev(d) for d in stmt.args.defaults]
            kw_defaults = [ev(d) if d is not None else None for d in stmt.args.kw_defaults]
            scope.set(stmt.name, Func(stmt, unit, (defaults, kw_defaults), scope if scope.parent is not None else None))
        elif isinstance(stmt, ast.ClassDef):
            scope.set(stmt.name, Unknown(stmt.name))
        elif isinstance(stmt, ast.Return):
            value = ev(stmt.value) if stmt.value is not None else Const(None)
            if frame.returned is None:
                frame.returned = value
            if any(stmt is top for top in frame.body):
                frame.done = True
        elif isinstance(stmt, ast.If):
            self.exec_if(stmt, scope, unit, frame)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            self.exec_for(stmt, scope, unit, frame)
        elif isinstance(stmt, ast.While):
            ev(stmt.test)
            self.maybe(lambda: self.exec_block(stmt.body, scope, unit, frame), scope)
            self.exec_block(stmt.orelse, scope, unit, frame)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                value = ev(item.context_expr)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, value, scope, unit, item.context_expr)
            self.exec_block(stmt.body, scope, unit, frame)
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            self.exec_block(stmt.body, scope, unit, frame)
            for handler in stmt.handlers:
                self.maybe(lambda h=handler: self.exec_block(h.body, scope, unit, frame), scope)
            self.exec_block(stmt.orelse, scope, unit, frame)
            self.exec_block(stmt.finalbody, scope, unit, frame)
        elif type(stmt).__name__ == "Match":
            ev(stmt.subject)
            for case in stmt.cases:
                self.maybe(lambda c=case: self.exec_block(c.body, scope, unit, frame), scope)
        # pass, break, continue, global, nonlocal, del, raise, assert: no fact, nothing bound

    def maybe(self, run, scope):
        """Runs a path that may not be taken: afterwards, names hold what both possibilities agree on."""
        before = scope.snapshot()
        run()
        after = scope.snapshot()
        scope.vars = merge(after, before)

    def exec_if(self, stmt, scope, unit, frame):
        test = expressions.evaluate(self, stmt.test, scope, unit)
        decided = const_of(test, _UNDECIDED) if isinstance(test, Const) else _UNDECIDED
        if decided is not _UNDECIDED:
            self.exec_block(stmt.body if decided else stmt.orelse, scope, unit, frame)
            return
        before = scope.snapshot()
        self.exec_block(stmt.body, scope, unit, frame)
        after_body = scope.snapshot()
        scope.restore(before)
        self.exec_block(stmt.orelse, scope, unit, frame)
        scope.vars = merge(after_body, scope.snapshot())

    def exec_for(self, stmt, scope, unit, frame):
        iterable = expressions.evaluate(self, stmt.iter, scope, unit)
        items = expressions.items_of(iterable)
        if items is not None and 0 < len(items) <= MAX_UNROLL:
            for item in items:
                if frame.done:
                    break
                self.assign(stmt.target, item, scope, unit, stmt.iter)
                self.exec_block(stmt.body, scope, unit, frame)
        else:
            element = self.fresh(expressions.text(unit, stmt.iter)) if isinstance(iterable, Data) else Unknown(expressions.text(unit, stmt.target))

            def once():
                self.assign(stmt.target, element, scope, unit, stmt.iter)
                self.exec_block(stmt.body, scope, unit, frame)

            self.maybe(once, scope)
        self.exec_block(stmt.orelse, scope, unit, frame)

    def exec_import(self, stmt, scope, unit):
        from .imports import bind_import

        bind_import(self, stmt, scope, unit)

    # ---- binding ----------------------------------------------------------------------------------------------
    def assign(self, target, value, scope, unit, value_node):
        if isinstance(target, ast.Name):
            if isinstance(value, Data) and value.expr is None:
                value.expr = target.id
            scope.set(target.id, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            items = expressions.items_of(value)
            starred = [i for i, elt in enumerate(target.elts) if isinstance(elt, ast.Starred)]
            if items is not None and not starred and len(items) == len(target.elts):
                for elt, item in zip(target.elts, items):
                    self.assign(elt, item, scope, unit, value_node)
            else:
                for elt in target.elts:
                    inner = elt.value if isinstance(elt, ast.Starred) else elt
                    part = self.fresh(expressions.text(unit, inner)) if isinstance(value, Data) else Unknown(expressions.text(unit, inner))
                    self.assign(inner, part, scope, unit, value_node)
        elif isinstance(target, ast.Subscript):
            container = expressions.evaluate(self, target.value, scope, unit)
            key = expressions.evaluate(self, target.slice, scope, unit)
            expressions.store_item(self, container, key, value, target, unit)
        elif isinstance(target, ast.Starred):
            self.assign(target.value, value, scope, unit, value_node)
        # attributes (`self.model = …`): not followed

    # ---- calling the team's functions -------------------------------------------------------------------------
    def call_function(self, func, args, kwargs, node, unit):
        """Reads a team function's body with its parameters bound; its facts carry the lines of its own file."""
        if len(self.stack) >= MAX_DEPTH or any(f is func.node for f in self.stack):
            return Unknown(func.node.name)
        scope = Scope(parent=func.closure if func.closure is not None else self._module_scope(func.unit))
        spec = func.node.args
        positional = list(getattr(spec, "posonlyargs", [])) + list(spec.args)
        defaults, kw_defaults = func.defaults
        first_default = len(positional) - len(defaults)
        for index, param in enumerate(positional):
            if index < len(args):
                scope.set(param.arg, args[index])
            elif param.arg in kwargs:
                scope.set(param.arg, kwargs.pop(param.arg))
            elif index >= first_default:
                scope.set(param.arg, defaults[index - first_default])
            else:
                scope.set(param.arg, Unknown(param.arg))
        extra = args[len(positional):]
        if spec.vararg is not None:
            scope.set(spec.vararg.arg, Seq(extra, "tuple"))
        for index, param in enumerate(spec.kwonlyargs):
            default = kw_defaults[index] if index < len(kw_defaults) else None
            scope.set(param.arg, kwargs.pop(param.arg, default if default is not None else Unknown(param.arg)))
        if spec.kwarg is not None:
            scope.set(spec.kwarg.arg, Dict([(Const(k), v) for k, v in kwargs.items()]))
        frame = Frame(tuple(func.node.body))
        self.stack.append(func.node)
        try:
            self.exec_block(func.node.body, scope, func.unit, frame)
        finally:
            self.stack.pop()
        if isinstance(func.node, ast.AsyncFunctionDef):
            return Unknown(func.node.name)
        return frame.returned if frame.returned is not None else Const(None)

    def _module_scope(self, unit):
        for module in self.modules.values():
            if module.path == unit.file:
                return module.env
        return self.entry_scope


_UNDECIDED = object()
