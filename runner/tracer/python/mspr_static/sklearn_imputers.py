"""scikit-learn imputers (SimpleImputer, KNNImputer, IterativeImputer), alone or inside pipelines and
ColumnTransformers: an `impute` fact per column they are given, with the strategy the code names (SimpleImputer's
default is the mean).
"""

from .describe import json_value
from .values import Const, Obj, Seq, const_of

IMPUTERS = {"SimpleImputer": "mean", "KNNImputer": "knn", "IterativeImputer": "iterative"}


def imputer_fact(reader, imputer, column, args):
    """An imputer's strategy on the columns it is given (SimpleImputer's default is the mean)."""
    strategy = imputer.param("strategy", None)
    unresolved = {} if strategy is None or isinstance(strategy, Const) else {"strategy": getattr(strategy, "text", None) or "?"}
    reader.sink.emit(
        args.unit, args.node, "impute", function=imputer.cls, column=column, on="imputer",
        strategy=(IMPUTERS[imputer.cls] if strategy is None else const_of(strategy, None)),
        value=json_value(imputer.param("fill_value", None)), unresolved=unresolved or None,
    )


def imputers_in(obj):
    if obj.cls in IMPUTERS:
        return [obj]
    return [inner for _, step in obj.steps if isinstance(step, Obj) for inner in imputers_in(step)]


def imputers_of_transformer(reader, args):
    """ColumnTransformer([("num", Pipeline([("impute", SimpleImputer(strategy="median")), …]), numeric), …])."""
    listed = args.arg(0, "transformers")
    entries = listed.items if isinstance(listed, Seq) else args.args
    for entry in entries:
        if not isinstance(entry, Seq) or len(entry.items) < 2:
            continue
        transformer = entry.items[1] if len(entry.items) >= 3 else entry.items[0]
        columns = entry.items[2] if len(entry.items) >= 3 else entry.items[1]
        names = const_of(columns, None)
        column = ", ".join(str(n) for n in names) if isinstance(names, (list, tuple)) else (str(names) if names is not None else getattr(columns, "text", None) or "?")
        for imputer in imputers_in(transformer) if isinstance(transformer, Obj) else []:
            imputer_fact(reader, imputer, column, args)
