"""The `sql` event every database hook emits: statement, verb, tables, rows, columns and duration."""

from mspr_tracer import api

from . import site_budget, sql_text


def statement_fields(driver, statement):
    """The fields of a `sql` event known before the statement runs."""
    sql = sql_text.text_of(statement)
    return {"driver": driver, "statement": sql, "verb": sql_text.verb_of(sql), "tables": sql_text.tables_of(sql)}


def outcome_fields(cursor, error):
    """The fields of a `sql` event known once it ran: its error, or the rows it touched and the columns it returns."""
    if error is not None:
        return {"error": api.error_text(error)}
    return {"rowcount": _rowcount(cursor), "columns": _columns(cursor)}


def _rowcount(cursor):
    """The cursor's rowcount, None when the driver does not know it (-1)."""
    n = getattr(cursor, "rowcount", None)
    return n if isinstance(n, int) and n >= 0 else None


def _columns(cursor):
    """Names of the result's columns (at most 100), None for a statement that returns no rows."""
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
        fields = statement_fields(driver, call.arg(cursor_index + 1, sql_name))
        if many:
            fields["params_rows"] = length_of(call.arg(cursor_index + 2, rows_name))

        def after(result, error):
            cursor = result if result is not None and hasattr(result, "description") else call.args[cursor_index]
            fields["duration"] = call.elapsed()
            fields.update(outcome_fields(cursor, error))
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


def length_of(params):
    """How many parameter rows an executemany-like call was given, None for a generator."""
    try:
        return len(params)
    except Exception:  # noqa: BLE001
        return None
