"""matplotlib: plotting calls on Axes, and the labels and titles of each figure when it is saved, shown,
closed, flushed by a notebook, or still open when the program ends."""

import atexit
import functools
import sys

from mspr_tracer import api, context

from . import chart_facts
from .data_sources import describe_path

AXES_METHODS = ("scatter", "hist", "boxplot", "violinplot", "imshow", "matshow", "pcolormesh", "bar", "barh", "pie", "plot", "hexbin", "hist2d")
_last = {}


def axes_handler(function):
    def handler(call):
        ax = call.args[0]
        x = call.arg(1, "x")
        y = call.arg(2, "y")
        data = x if function in ("imshow", "matshow", "pcolormesh") else None

        def after(result, error):
            if error is not None:
                return
            kind = chart_facts.KINDS.get(function)
            if function == "plot" and _marker_only(call.args[3:] or call.args[2:3]):
                kind = "scatter"
            chart_facts.emit_plot(call, "matplotlib", function, kind=kind, x=x, y=y if function != "hist" else None, data=data,
                                  axes=[api.token(ax)], figure=api.token(ax.figure) if getattr(ax, "figure", None) is not None else None)

        return after

    return handler


def _marker_only(args):
    fmt = next((a for a in args if isinstance(a, str)), None)
    return bool(fmt) and "-" not in fmt and any(m in fmt for m in "o.xs*+^vd")


def figure_facts(fig):
    axes = []
    for ax in list(getattr(fig, "axes", []))[:50]:
        title = " ".join(t for t in (ax.get_title("left"), ax.get_title(), ax.get_title("right")) if t)
        axes.append({"axes": api.token(ax), "title": title or None, "xlabel": ax.get_xlabel() or None, "ylabel": ax.get_ylabel() or None,
                     "has_data": bool(ax.has_data())})
    suptitle = getattr(fig, "_suptitle", None)
    return {"figure": api.token(fig), "library": "matplotlib", "suptitle": suptitle.get_text() if suptitle is not None else None, "axes": axes}


def emit_figure(fig, trigger, call=None, file=None):
    """One `figure` event per figure state: saving the same unchanged figure twice says nothing new."""
    try:
        facts = figure_facts(fig)
        signature = repr((facts, file))
        if _last.get(facts["figure"]) == signature:
            return
        _last[facts["figure"]] = signature
        facts["trigger"] = trigger
        if file is not None:
            facts["file"] = file
        api.emit("figure", call, **facts)
    except Exception as error:  # noqa: BLE001
        api.report_error("figure:" + trigger, error)


def savefig_handler(call):
    fig = call.args[0]
    target = call.arg(1, "fname")
    file = describe_path(target).get("path") if target is not None else None

    def after(result, error):
        if error is None:
            emit_figure(fig, "savefig", call, file)

    return after


def _open_figures(trigger, call=None):
    """Describes every figure pyplot holds open. Read from pyplot's registry, not through plt.figure(n): that
    would make each one current in turn, and the candidate's next plt.title() or plt.close() would hit it."""
    if sys.modules.get("matplotlib.pyplot") is None:
        return
    helpers = sys.modules.get("matplotlib._pylab_helpers")
    if helpers is None:
        return
    for manager in sorted(helpers.Gcf.get_all_fig_managers(), key=lambda m: m.num):
        emit_figure(manager.canvas.figure, trigger, call)


def show_handler(call):
    _open_figures("show", call)
    return None


def close_handler(call):
    target = call.arg(0, "fig")
    if target is None or target == "all":
        _open_figures("close", call)
    elif hasattr(target, "axes"):
        emit_figure(target, "close", call)
    return None


def _at_exit():
    with context.busy():
        _open_figures("exit")


def patch_axes(module):
    axes = getattr(module, "Axes", None)
    if axes is None:
        return
    for name in AXES_METHODS:
        api.patch_method(axes, name, axes_handler(name), name="Axes." + name)


def patch_figure(module):
    api.patch_method(module.Figure, "savefig", savefig_handler, name="Figure.savefig")


def patch_pyplot(pyplot):
    api.patch_function(pyplot, "show", show_handler)
    api.patch_function(pyplot, "close", close_handler)
    atexit.register(_at_exit)


def patch_inline(module):
    """Notebooks: the inline backend shows then closes every figure at the end of each cell. It is called
    by the kernel, with no candidate frame on the stack, so it gets a wrapper of its own."""
    original = getattr(module, "flush_figures", None)
    if original is None or getattr(original, "__mspr_traced__", False):
        return

    @functools.wraps(original)
    def flush_figures(*args, **kwargs):
        state = context.state()
        if not state.busy:
            with context.busy():
                _open_figures("cell")
        return original(*args, **kwargs)

    flush_figures.__mspr_traced__ = True
    module.flush_figures = flush_figures
