"""psycopg2: connections get a traced connection class (its cursors trace execute, COPY and fetches).

psycopg2's connection and cursor are C types: connect() is given a `connection_factory` subclass (of the
candidate's own factory when they pass one), and every cursor it makes is a traced subclass of the cursor class
asked for — the default one, a `cursor_factory=` (DictCursor, RealDictCursor, NamedTupleCursor…) given to
cursor() or to connect(). Each subclass keeps its base's name and module, so reprs and type names read the same.
psycopg2.extras' bulk helpers (execute_values, execute_batch) are recorded as one statement with the number of
rows sent.
"""

import functools

from mspr_tracer import api

from . import site_budget
from .sql_events import fetch_handler, outcome_fields, statement_fields, statement_handler

_TRACED = "__mspr_traced_class__"
_cursor_classes = {}
_connection_classes = {}


def _copy_from_handler(call):
    """copy_from(file, table, sep, null, size, columns): recorded as the COPY statement psycopg2 sends."""
    if not call.direct or not site_budget.allow(call, "sql", 40):
        return None
    table = call.arg(2, "table")
    columns = call.arg(6, "columns")
    listed = " (%s)" % ", ".join(str(c) for c in columns) if columns else ""
    fields = statement_fields("psycopg2", "COPY %s%s FROM STDIN" % (table, listed))
    fields["function"] = "copy_from"

    def after(result, error):
        fields["duration"] = call.elapsed()
        fields.update(outcome_fields(call.args[0], error))
        api.emit("sql", call, **fields)

    return after


def traced_cursor_class(base):
    """A subclass of `base` (a psycopg2 cursor class) whose statements and fetches are recorded; cached."""
    if getattr(base, _TRACED, False):
        return base
    cached = _cursor_classes.get(base)
    if cached is not None:
        return cached
    namespace = {_TRACED: True, "__module__": base.__module__, "__qualname__": base.__qualname__, "__doc__": base.__doc__}
    # execute(query, vars=None), executemany(query, vars_list), copy_expert(sql, file, size=8192)
    for name, handler in (
        ("execute", statement_handler("psycopg2", sql_name="query")),
        ("executemany", statement_handler("psycopg2", many=True, sql_name="query", rows_name="vars_list")),
        ("copy_expert", statement_handler("psycopg2", sql_name="sql")),
        ("copy_from", _copy_from_handler),
        ("fetchall", fetch_handler("psycopg2")),
        ("fetchmany", fetch_handler("psycopg2")),
    ):
        original = getattr(base, name, None)
        if original is not None:
            namespace[name] = api.traced(original, handler, "psycopg2.cursor." + name)
    cls = type(base.__name__, (base,), namespace)
    _cursor_classes[base] = cls
    return cls


def _traced_connection_class(extensions, base):
    cached = _connection_classes.get(base)
    if cached is not None:
        return cached
    default_cursor = extensions.cursor

    def cursor(self, *args, **kwargs):
        # cursor(name=None, cursor_factory=None, withhold=False, scrollable=None)
        if len(args) >= 2:
            args = (args[0], traced_cursor_class(args[1] or self.cursor_factory or default_cursor)) + tuple(args[2:])
        else:
            kwargs["cursor_factory"] = traced_cursor_class(kwargs.get("cursor_factory") or self.cursor_factory or default_cursor)
        return base.cursor(self, *args, **kwargs)

    cursor.__doc__ = getattr(base.cursor, "__doc__", None)
    cls = type(base.__name__, (base,), {_TRACED: True, "__module__": base.__module__, "__qualname__": base.__qualname__, "__doc__": base.__doc__,
                                        "cursor": cursor})
    _connection_classes[base] = cls
    return cls


def patch(psycopg2):
    original = getattr(psycopg2, "connect", None)
    extensions = getattr(psycopg2, "extensions", None)
    if original is None or extensions is None or getattr(original, "__mspr_traced__", False):
        return

    @functools.wraps(original)
    def connect(dsn=None, connection_factory=None, cursor_factory=None, **kwargs):
        factory = connection_factory or extensions.connection
        try:
            if isinstance(factory, type) and issubclass(factory, extensions.connection):
                factory = _traced_connection_class(extensions, factory)
        except Exception as error:  # noqa: BLE001 - keep the candidate's factory as it is
            api.report_error("psycopg2.connect", error)
        return original(dsn, connection_factory=factory, cursor_factory=cursor_factory, **kwargs)

    connect.__mspr_traced__ = True
    psycopg2.connect = connect


def patch_extras(extras):
    # execute_values(cur, sql, argslist, …), execute_batch(cur, sql, argslist, …)
    for name in ("execute_values", "execute_batch"):
        api.patch_function(extras, name, statement_handler("psycopg2." + name, many=True, sql_name="sql", rows_name="argslist"), "psycopg2.extras." + name)
