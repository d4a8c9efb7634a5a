"""The `sql` event every database hook emits: statement, verb, tables, rows, columns and duration."""

from mspr_tracer import api

from . import site_budget, sql_text


def _rowcount(cursor):
    n = getattr(cursor, "rowcount", None)
    return n if isinstance(n, int) and n >= 0 else None


def _columns(cursor):
    description = getattr(cursor, "description", None)
    if not description:
        return None
    try:
        return [str(d[0]) for d in description][:100]
    except Exception:  # noqa: BLE001
        return None


def statement_handler(driver, many=False, cursor_index=0, sql_name=None, rows_name=None):
    """Handler for execute/executemany-like calls: args[cursor_index] is the cursor (or connection), then the
    statement and, for `many`, the rows. `sql_name`/`rows_name` are the driver's own names for them when passed
    by keyword (PyMySQL `query`/`args`, psycopg2 `query`/`vars_list`, extras `sql`/`argslist`); None for
    positional-only parameters (sqlite3)."""

    def handler(call):
        if not call.direct or not site_budget.allow(call, "sql", 40):
            return None
        sql = sql_text.text_of(call.arg(cursor_index + 1, sql_name))
        fields = {"driver": driver, "statement": sql, "verb": sql_text.verb_of(sql), "tables": sql_text.tables_of(sql)}
        if many:
            fields["params_rows"] = _length(call.arg(cursor_index + 2, rows_name))

        def after(result, error):
            cursor = result if result is not None and hasattr(result, "description") else call.args[cursor_index]
            fields["duration"] = call.elapsed()
            if error is not None:
                fields["error"] = api.error_text(error)
            else:
                fields["rowcount"] = _rowcount(cursor)
                fields["columns"] = _columns(cursor)
            api.emit("sql", call, **fields)

        return after

    return handler


def fetch_handler(driver):
    def handler(call):
        if not call.direct or not site_budget.allow(call, "sql_fetch", 40):
            return None

        def after(result, error):
            if error is None and isinstance(result, list):
                api.emit("sql_fetch", call, driver=driver, rows=len(result), columns=_columns(call.args[0]))

        return after

    return handler


def _length(params):
    try:
        return len(params)
    except Exception:  # noqa: BLE001
        return None
