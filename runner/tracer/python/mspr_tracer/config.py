"""Settings read once from the environment the runner prepares for each step."""

import os

#: Folder events are written to (MSPR_TRACE_DIR); None means the tracer stays inert.
trace_dir = None
#: The workspace root as the candidate's code sees it; call sites are reported relative to it.
workspace = None
#: The notebook being executed (relative to the workspace), when the process is a notebook kernel.
notebook = None
#: The scenario's datasets folder (MSPR_DATASETS_DIR), resolved; files under it are reported as `$datasets/…`.
datasets = None
#: The step's trace key (bytes), taken out of the environment at start-up; None: lines are written unsealed.
key = None
#: The step the events belong to, as sealed into each line: the name of the trace folder.
step = None
#: This package's folder: its frames are never the candidate's call site.
tracer_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(environ=None):
    """Reads the settings; returns False when tracing is off."""
    global trace_dir, workspace, notebook, datasets, key, step
    env = os.environ if environ is None else environ
    from . import handoff

    # First of all, so that the key is gone from the environment even if the rest fails.
    key = handoff.take(env)
    directory = env.get("MSPR_TRACE_DIR")
    if not directory:
        return False
    # Absolute now: the candidate may chdir() before the first event is written.
    trace_dir = os.path.abspath(directory)
    step = os.path.basename(trace_dir)
    workspace = os.path.realpath(env.get("MSPR_WORKSPACE") or os.getcwd())
    notebook = env.get("MSPR_NOTEBOOK") or None
    datasets_dir = env.get("MSPR_DATASETS_DIR")
    datasets = os.path.realpath(datasets_dir) if datasets_dir else None
    return True
