"""PyMySQL: its Cursor is a Python class, so execute/executemany/fetchall are wrapped in place."""

from mspr_tracer import api

from .sql_events import fetch_handler, statement_handler


def patch(cursors):
    cursor = getattr(cursors, "Cursor", None)
    if cursor is None:
        return
    # Cursor.execute(query, args=None), Cursor.executemany(query, args)
    api.patch_method(cursor, "execute", statement_handler("pymysql", sql_name="query"))
    api.patch_method(cursor, "executemany", statement_handler("pymysql", many=True, sql_name="query", rows_name="args"))
    api.patch_method(cursor, "fetchall", fetch_handler("pymysql"))
    api.patch_method(cursor, "fetchmany", fetch_handler("pymysql"))
