"""Keeps the step's trace key out of the candidate's sight, and hands it to the traced processes they start.

`take()` runs at start-up, before any of the candidate's code: it removes MSPR_TRACE_KEY from `os.environ` (and
so from the C environment children inherit) and blanks it in the memory `/proc/self/environ` reads. `install()`
then wraps the calls that start programs — `_posixsubprocess.fork_exec` (subprocess, multiprocessing's spawn and
forkserver), `os.execve`/`os.execv` (os.exec*, os.spawn*, pty, loky's workers), `os.posix_spawn[p]`,
`os.system` — so a child whose environment will start the tracer (MSPR_TRACE_DIR set, this folder on
PYTHONPATH, not `python -S/-E/-I`) gets the key back in its environment, where its own tracer takes it at once.
An environment the candidate rebuilt (`env={...}`, `os.environ.copy()`) gets it too, as long as it still traces.

This hides the key from `os.environ`, `env`, `/proc/<pid>/environ` and processes that never run the tracer; it
does not hide it from code running inside a traced process (see runner/tracer/README.md, "What the MAC stops").
"""

import functools
import os
import re
import sys

from . import config

ENV = "MSPR_TRACE_KEY"
_PYTHON = re.compile(r"^python[0-9.]*$")

_hex = None


def take(environ):
    """Removes the key from `environ`; returns it as bytes (None when absent or malformed)."""
    global _hex
    value = environ.pop(ENV, None)
    if value is None:
        return None
    if environ is os.environ:
        _blank_initial_environ()
    try:
        key = bytes.fromhex(value)
    except ValueError:
        return None
    _hex = value
    return key


def _blank_initial_environ():
    """Zeroes `MSPR_TRACE_KEY=…` in the environment block the kernel shows as /proc/self/environ.

    unsetenv() only drops libc's pointer: the bytes stay where the kernel put them at exec, and any process of
    the same user could read them. Best effort (Linux only; a kernel refusing /proc/self/mem writes keeps them).
    """
    try:
        with open("/proc/self/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        env_start = int(fields[47])  # field 50 of proc(5), counted from the state (field 3)
        with open("/proc/self/environ", "rb") as block:
            data = block.read()
        prefix = ENV.encode() + b"="
        fd = os.open("/proc/self/mem", os.O_RDWR)
        try:
            offset = 0
            for entry in data.split(b"\0"):
                if entry.startswith(prefix):
                    os.pwrite(fd, b"\0" * len(entry), env_start + offset)
                offset += len(entry) + 1
        finally:
            os.close(fd)
    except Exception:  # noqa: BLE001
        pass


def _get(env, name):
    value = env.get(name)
    if value is None:
        value = env.get(name.encode())
    return os.fsdecode(value) if value is not None else None


def _traces(env, argv):
    """Whether a child with this environment and argv will run the tracer (so it needs the key)."""
    try:
        return _will_trace(env, argv)
    except Exception:  # noqa: BLE001 - an odd env or argv: the candidate's call goes on, without the key
        return False


def _will_trace(env, argv):
    if not _get(env, "MSPR_TRACE_DIR"):
        return False
    paths = [os.path.realpath(p) for p in (_get(env, "PYTHONPATH") or "").split(os.pathsep) if p]
    if config.tracer_root not in paths:
        return False
    return not _python_without_site(argv)


def _python_without_site(argv):
    """True for `python -S …`, `-E`, `-I` (also combined, e.g. `-IB`): such a Python never loads the tracer."""
    if not argv:
        return False
    program = os.fsdecode(argv[0])
    if not (_PYTHON.match(os.path.basename(program)) or program == sys.executable):
        return False
    args = [os.fsdecode(a) for a in argv[1:]]
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("-", "--") or not arg.startswith("-"):
            return False  # the script (or stdin) comes next: the flags are over
        if arg.startswith("--"):
            skip = arg == "--check-hash-based-pycs"
            continue
        for index, letter in enumerate(arg[1:]):
            if letter in "SEI":
                return True
            if letter in "cm":
                return False
            if letter in "WX":
                skip = index == len(arg) - 2  # the value is the next argument
                break
    return False


def _with_key_mapping(env):
    copy = dict(env)
    copy.pop(ENV, None)
    copy.pop(ENV.encode(), None)
    if any(isinstance(k, bytes) for k in copy):
        copy[ENV.encode()] = _hex.encode()
    else:
        copy[ENV] = _hex
    return copy


def _env_list_get(env_list):
    """A read-only view of fork_exec's `[b"NAME=value", …]` list as a mapping."""
    view = {}
    for item in env_list:
        name, _, value = bytes(item).partition(b"=")
        view[name] = value
    return view


def _inheriting(call):
    """Runs `call` with the key briefly in the C environment, for calls whose child inherits it."""
    os.putenv(ENV, _hex)
    try:
        return call()
    finally:
        try:
            os.unsetenv(ENV)
        except Exception:  # noqa: BLE001
            pass


def install():
    """Wraps the process-starting calls; does nothing without a key."""
    if _hex is None:
        return
    _wrap_fork_exec()
    _wrap_os()


def _wrap_fork_exec():
    import _posixsubprocess

    original = _posixsubprocess.fork_exec

    @functools.wraps(original)
    def fork_exec(*args):
        argv, env_list = args[0], args[5]
        if env_list is None:
            if _traces(os.environ, argv):
                return _inheriting(lambda: original(*args))
        elif _traces(_env_list_get(env_list), argv):
            prefix = ENV.encode() + b"="
            kept = [item for item in env_list if not bytes(item).startswith(prefix)]
            args = args[:5] + (kept + [prefix + _hex.encode()],) + args[6:]
        return original(*args)

    _posixsubprocess.fork_exec = fork_exec
    # Python >= 3.11 binds `_fork_exec` when subprocess is imported; it usually is not at start-up.
    subprocess = sys.modules.get("subprocess")
    if subprocess is not None and getattr(subprocess, "_fork_exec", None) is original:
        subprocess._fork_exec = fork_exec
    else:
        from . import importhook

        def rebind(module):
            if getattr(module, "_fork_exec", None) is original:
                module._fork_exec = fork_exec

        importhook.on_import("subprocess", rebind)


def _wrap_os():
    execve, execv = os.execve, os.execv

    @functools.wraps(execve)
    def traced_execve(path, args, env):
        return execve(path, args, _with_key_mapping(env) if _traces(env, args) else env)

    @functools.wraps(execv)
    def traced_execv(path, args):
        if not _traces(os.environ, args):
            return execv(path, args)
        os.putenv(ENV, _hex)
        try:
            return execv(path, args)
        finally:  # only reached when exec failed: the key must not stay for the next child
            os.unsetenv(ENV)

    os.execve, os.execv = traced_execve, traced_execv

    for name in ("posix_spawn", "posix_spawnp"):
        spawn = getattr(os, name, None)
        if spawn is not None:
            setattr(os, name, _spawn_wrapper(spawn))

    system = os.system

    @functools.wraps(system)
    def traced_system(command):
        if _traces(os.environ, ["sh"]):
            return _inheriting(lambda: system(command))
        return system(command)

    os.system = traced_system


def _spawn_wrapper(spawn):
    @functools.wraps(spawn)
    def traced_spawn(path, argv, env, *args, **kwargs):
        if _traces(env, argv):
            env = _with_key_mapping(env)
        return spawn(path, argv, env, *args, **kwargs)

    return traced_spawn
