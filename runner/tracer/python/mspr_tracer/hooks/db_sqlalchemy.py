"""SQLAlchemy: every statement the candidate's code sends through an Engine, via SQLAlchemy's own events.

Statements issued inside a traced pandas call (to_sql's CREATE TABLE and INSERTs, read_sql's SELECT) are
left to that call's event; the rest is attributed to the candidate's line that led to it.
"""

from mspr_tracer import api, callsite, context

from . import site_budget, sql_events

#: The Call a cursor execution is recorded under, kept on SQLAlchemy's execution context between the events.
_CALL = "_mspr_call"


def _interesting():
    state = context.state()
    return not state.busy and not state.depth


def _before(conn, cursor, statement, parameters, ctx, executemany):
    """Finds the candidate's line (the stack is the same as after the statement) and takes the statement
    out of that line's budget, as the other drivers' hooks do."""
    if ctx is None or not _interesting():
        return
    with context.busy():
        call = None
        try:
            site, frame, direct = callsite.find(1)
            if site is not None:
                call = api.Call("sqlalchemy.cursor_execute", (), {}, site, None, direct)
                if site_budget.allow(call, "sql", 40):
                    call.source = callsite.source_of(frame)
                else:
                    call = None
        except Exception as failure:  # noqa: BLE001
            api.report_error("sqlalchemy.before_cursor_execute", failure)
        try:
            setattr(ctx, _CALL, call)
        except Exception:  # noqa: BLE001 - a context with __slots__: the statement goes unrecorded
            pass


def _emit(conn, cursor, statement, parameters, ctx, executemany, error=None):
    call = getattr(ctx, _CALL, None) if ctx is not None else None
    if call is None:
        return
    with context.busy():
        try:
            setattr(ctx, _CALL, None)  # one event per cursor execution (insertmanyvalues runs several per context)
            fields = sql_events.statement_fields("sqlalchemy:%s" % getattr(conn.dialect, "name", "?"), statement)
            if executemany:
                fields["params_rows"] = sql_events.length_of(parameters)
            fields["duration"] = call.elapsed()
            fields.update(sql_events.outcome_fields(cursor, error))
            api.emit("sql", call, **fields)
        except Exception as failure:  # noqa: BLE001
            api.report_error("sqlalchemy.after_cursor_execute", failure)


def _after(conn, cursor, statement, parameters, ctx, executemany):
    _emit(conn, cursor, statement, parameters, ctx, executemany)


def _on_error(exception_context):
    ctx = exception_context.execution_context
    _emit(exception_context.connection, exception_context.cursor, exception_context.statement, exception_context.parameters, ctx,
          False, exception_context.original_exception)


def patch(sqlalchemy):
    """Called once the sqlalchemy package has finished importing (its event system is then usable)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine as engine

    if getattr(engine, "_mspr_listening", False):
        return
    event.listen(engine, "before_cursor_execute", _before)
    event.listen(engine, "after_cursor_execute", _after)
    event.listen(engine, "handle_error", _on_error)
    engine._mspr_listening = True
    from sqlalchemy.engine import Result

    for name in ("fetchall", "all", "fetchmany"):
        api.patch_method(Result, name, _fetch_handler, name="sqlalchemy.Result." + name)


def _fetch_handler(call):
    if not call.direct or not site_budget.allow(call, "sql_fetch", 40):
        return None

    def after(result, error):
        if error is None and isinstance(result, list):
            try:
                columns = [str(k) for k in call.args[0].keys()][:100]
            except Exception:  # noqa: BLE001
                columns = None
            api.emit("sql_fetch", call, driver="sqlalchemy", rows=len(result), columns=columns)

    return after
