"""sqlite3: connections made by sqlite3.connect get a traced subclass (isinstance checks still hold).

sqlite3's Connection and Cursor are C types whose methods cannot be replaced, so connect() is given a
`factory` when the candidate did not pass one: a Connection subclass whose cursors are a traced Cursor
subclass. Statements run by pandas or SQLAlchemy through it are not recorded on their own (not direct).
"""

import functools

from mspr_tracer import api

from .sql_events import fetch_handler, statement_handler


def _make_classes(sqlite3):
    class TracedCursor(sqlite3.Cursor):
        execute = api.traced(sqlite3.Cursor.execute, statement_handler("sqlite3"), "sqlite3.Cursor.execute")
        executemany = api.traced(sqlite3.Cursor.executemany, statement_handler("sqlite3", many=True), "sqlite3.Cursor.executemany")
        executescript = api.traced(sqlite3.Cursor.executescript, statement_handler("sqlite3"), "sqlite3.Cursor.executescript")
        fetchall = api.traced(sqlite3.Cursor.fetchall, fetch_handler("sqlite3"), "sqlite3.Cursor.fetchall")
        fetchmany = api.traced(sqlite3.Cursor.fetchmany, fetch_handler("sqlite3"), "sqlite3.Cursor.fetchmany")

    def _shortcut(name):
        original = getattr(sqlite3.Connection, name)

        def method(self, *args, **kwargs):
            if kwargs:  # sqlite3 takes no keyword arguments: let it refuse them in its own words
                return original(self, *args, **kwargs)
            return getattr(self.cursor(), name)(*args)

        method.__name__, method.__qualname__, method.__doc__ = name, "Connection." + name, original.__doc__
        return method

    class TracedConnection(sqlite3.Connection):
        def cursor(self, factory=None):
            return super().cursor(factory or TracedCursor)

        # The C shortcut Connection.execute would bypass cursor(): route it through a traced cursor.
        execute = api.traced(_shortcut("execute"), statement_handler("sqlite3"), "sqlite3.Connection.execute")
        executemany = api.traced(_shortcut("executemany"), statement_handler("sqlite3", many=True), "sqlite3.Connection.executemany")
        executescript = api.traced(_shortcut("executescript"), statement_handler("sqlite3"), "sqlite3.Connection.executescript")

    return TracedConnection


def patch(sqlite3):
    original = getattr(sqlite3, "connect", None)
    if original is None or getattr(original, "__mspr_traced__", False):
        return
    traced_connection = _make_classes(sqlite3)

    @functools.wraps(original)
    def connect(*args, **kwargs):
        # connect(database, timeout, detect_types, isolation_level, check_same_thread, factory, …)
        if "factory" not in kwargs and len(args) < 6:
            kwargs["factory"] = traced_connection
        return original(*args, **kwargs)

    connect.__mspr_traced__ = True
    sqlite3.connect = connect
    dbapi2 = getattr(sqlite3, "dbapi2", None)
    if dbapi2 is not None and getattr(dbapi2, "connect", None) is original:
        dbapi2.connect = connect
