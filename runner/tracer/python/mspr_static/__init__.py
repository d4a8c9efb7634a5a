"""mspr-lab's static reader: facts read in the team's code (scripts and notebook cells), never executed.

When a step did not run far enough for the tracer to see a criterion's evidence, the grader reads the code instead.
This package parses the sources it is handed on stdin (`ast` only: no file is opened, no candidate module is
imported) and writes facts in the trace's own event shapes, each marked `observed: false`. It imports nothing but
the standard library, so it runs under `python -I -S`. See runner/tracer/README.md ("Static facts").
"""

__version__ = "1.0.0"
