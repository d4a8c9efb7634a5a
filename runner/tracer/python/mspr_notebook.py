"""mspr-lab's notebook driver: executes a notebook top to bottom with nbclient, cell by cell, saying where it is.

Run by the runner as `python -m mspr_notebook <notebook> <executed.ipynb> <status.json>` from the notebook's folder,
with the tracer's folder first on PYTHONPATH: this process and the kernel it starts load the tracer (sitecustomize),
as they did under nbconvert. It lives beside the tracer so its own frames are never taken for the candidate's.

On stdout, one line per code cell started, and a heartbeat while a cell stays silent:
    ##mspr-notebook## {"cell": 3, "total": 12, "state": "start", "line": "df = pd.read_csv(...)"}
    ##mspr-notebook## {"cell": 3, "total": 12, "state": "running", "elapsedSec": 40}
The status file is rewritten after every cell (a step killed at its time limit still says how far it got). A failing
cell ends the process as nbconvert did: nbclient's CellExecutionError traceback on stderr, exit code 1.
"""

import json
import os
import sys
import threading
import time
import traceback

PREFIX = "##mspr-notebook## "
_MAX_LINE = 200
_MAX_MESSAGE = 500


def _first_line(source):
    for line in (source or "").splitlines():
        if line.strip():
            return line.strip()[:_MAX_LINE]
    return ""


class _Progress:
    """What the run did so far; printed as progress lines and kept in the status file."""

    def __init__(self, status_path, cells, heartbeat):
        self.status_path = status_path
        self.total = len(cells)
        self.position = {index: n for n, index in enumerate(cells, start=1)}
        self.executed = 0
        self.current = None
        self.started = None
        self.failed = None
        self.heartbeat = heartbeat
        self.lock = threading.Lock()
        self.write()

    def say(self, **fields):
        with self.lock:
            sys.stdout.write(PREFIX + json.dumps(fields) + "\n")
            sys.stdout.flush()

    def write(self, done=False):
        state = {"total": self.total, "executed": self.executed, "done": done}
        if self.current is not None and not done:
            state["running"] = self.current
        if self.failed is not None:
            state["failed"] = self.failed
        temporary = self.status_path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
        os.replace(temporary, self.status_path)

    def on_start(self, cell, cell_index, **_):
        n = self.position.get(cell_index)
        if n is None:
            return
        self.current, self.started = n, time.monotonic()
        self.say(cell=n, total=self.total, state="start", line=_first_line(cell.source))
        self.write()

    def on_executed(self, cell, cell_index, execute_reply=None, **_):
        n = self.position.get(cell_index)
        if n is None:
            return
        content = (execute_reply or {}).get("content", {})
        if content.get("status", "ok") == "ok":
            self.executed += 1
        self.current = None
        self.write()

    def on_error(self, cell, cell_index, execute_reply=None, **_):
        content = (execute_reply or {}).get("content", {})
        self.failed = {
            "cell": self.position.get(cell_index),
            "line": _first_line(cell.source),
            "name": str(content.get("ename", ""))[:_MAX_LINE],
            "message": str(content.get("evalue", ""))[:_MAX_MESSAGE],
        }
        self.current = None
        self.write()

    def beat(self, stop):
        while not stop.wait(self.heartbeat):
            current, started = self.current, self.started
            if current is not None and started is not None:
                self.say(cell=current, total=self.total, state="running", elapsedSec=int(time.monotonic() - started))


def main(argv):
    notebook_path, output_path, status_path = argv[1:4]
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(notebook_path, as_version=4)
    # Numbered among code cells, as the tracer's `site.cell` is; empty cells count (nbclient skips them quietly).
    code_cells = [index for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    progress = _Progress(status_path, code_cells, float(os.environ.get("MSPR_NOTEBOOK_HEARTBEAT_SEC", "10")))
    client = NotebookClient(
        notebook,
        timeout=None,  # the step's own time limit applies to the whole process
        kernel_name="python3",
        resources={"metadata": {"path": os.getcwd()}},
        on_cell_start=progress.on_start,
        on_cell_executed=progress.on_executed,
        on_cell_error=progress.on_error,
    )
    stop = threading.Event()
    threading.Thread(target=progress.beat, args=(stop,), daemon=True).start()
    finished = False
    try:
        client.execute()
        finished = True
    except BaseException as error:
        if progress.failed is None:  # the kernel died, or the driver was interrupted: no cell reply to read
            progress.failed = {"cell": progress.current, "line": "", "name": type(error).__name__, "message": str(error)[:_MAX_MESSAGE]}
        # The same report nbconvert gave: nbclient's CellExecutionError with the cell's traceback.
        traceback.print_exc()
        return 1
    finally:
        stop.set()
        # Cells run in order: all of them when it finished, else those before the failing one (empty cells get no reply).
        if finished:
            progress.executed = progress.total
        elif progress.failed is not None and progress.failed.get("cell"):
            progress.executed = progress.failed["cell"] - 1
        progress.write(done=finished)
        nbformat.write(notebook, output_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
