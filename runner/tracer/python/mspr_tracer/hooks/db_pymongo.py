"""pymongo: inserts, queries, aggregations and index creation on a Collection."""

from mspr_tracer import api

from . import site_budget

OPERATIONS = ("insert_one", "insert_many", "find", "find_one", "aggregate", "count_documents", "create_index", "create_indexes",
              "update_one", "update_many", "replace_one", "delete_one", "delete_many", "drop", "distinct", "bulk_write")


def operation_handler(operation):
    def handler(call):
        if not call.direct or not site_budget.allow(call, "mongo", 40):
            return None
        collection = call.args[0]
        argument = call.args[1] if len(call.args) > 1 else None
        fields = {"operation": operation, "collection": getattr(collection, "name", None),
                  "database": getattr(getattr(collection, "database", None), "name", None)}
        if operation == "insert_many":
            try:
                fields["documents"] = len(argument)
            except Exception:  # noqa: BLE001 - a generator: counted from the result
                pass
        elif operation in ("find", "find_one", "count_documents", "distinct", "update_many", "delete_many"):
            fields["filter"] = api.safe(argument if operation != "distinct" else call.arg(2, "filter"), 2)
            if operation in ("find", "find_one"):
                fields["projection"] = api.safe(call.arg(2, "projection"), 2)
        elif operation in ("create_index", "aggregate"):
            fields["spec"] = api.safe(argument, 2)

        def after(result, error):
            fields["duration"] = call.elapsed()
            if error is not None:
                fields["error"] = api.error_text(error)
            elif operation == "insert_many":
                fields["inserted"] = len(getattr(result, "inserted_ids", []) or [])
            elif operation == "insert_one":
                fields["inserted"] = 1
            elif operation == "count_documents":
                fields["count"] = result if isinstance(result, int) else None
            api.emit("mongo", call, **fields)

        return after

    return handler


def patch(collection_module):
    cls = getattr(collection_module, "Collection", None)
    if cls is None:
        return
    for operation in OPERATIONS:
        api.patch_method(cls, operation, operation_handler(operation))
