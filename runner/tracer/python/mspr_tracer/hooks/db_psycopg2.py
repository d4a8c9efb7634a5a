"""psycopg2: connections get a traced connection class (its cursors trace execute, COPY and fetches).

psycopg2's connection and cursor are C types: connect() is given a `connection_factory` subclass when the
candidate passed none. psycopg2.extras' bulk helpers (execute_values, execute_batch) are recorded as one
statement with the number of rows sent.
"""

import functools

from mspr_tracer import api

from .sql_events import fetch_handler, statement_handler


def _make_connection_class(extensions):
    base_cursor = extensions.cursor

    class TracedCursor(base_cursor):
        # execute(query, vars=None), executemany(query, vars_list), copy_expert(sql, file, size=8192)
        execute = api.traced(base_cursor.execute, statement_handler("psycopg2", sql_name="query"), "psycopg2.cursor.execute")
        executemany = api.traced(base_cursor.executemany, statement_handler("psycopg2", many=True, sql_name="query", rows_name="vars_list"),
                                 "psycopg2.cursor.executemany")
        copy_expert = api.traced(base_cursor.copy_expert, statement_handler("psycopg2", sql_name="sql"), "psycopg2.cursor.copy_expert")
        fetchall = api.traced(base_cursor.fetchall, fetch_handler("psycopg2"), "psycopg2.cursor.fetchall")
        fetchmany = api.traced(base_cursor.fetchmany, fetch_handler("psycopg2"), "psycopg2.cursor.fetchmany")

    class TracedConnection(extensions.connection):
        def cursor(self, *args, **kwargs):
            if "cursor_factory" not in kwargs and self.cursor_factory is None and not args:
                kwargs["cursor_factory"] = TracedCursor
            return super().cursor(*args, **kwargs)

    return TracedConnection


def patch(psycopg2):
    original = getattr(psycopg2, "connect", None)
    extensions = getattr(psycopg2, "extensions", None)
    if original is None or extensions is None or getattr(original, "__mspr_traced__", False):
        return
    traced_connection = _make_connection_class(extensions)

    @functools.wraps(original)
    def connect(dsn=None, connection_factory=None, cursor_factory=None, **kwargs):
        return original(dsn, connection_factory=connection_factory or traced_connection, cursor_factory=cursor_factory, **kwargs)

    connect.__mspr_traced__ = True
    psycopg2.connect = connect


def patch_extras(extras):
    # execute_values(cur, sql, argslist, …), execute_batch(cur, sql, argslist, …)
    for name in ("execute_values", "execute_batch"):
        api.patch_function(extras, name, statement_handler("psycopg2." + name, many=True, sql_name="sql", rows_name="argslist"), "psycopg2.extras." + name)
