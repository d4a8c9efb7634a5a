"""The team's web app, started by the runner's serve stage (runner/serve): where it listens, and its routes.

Inert unless the runner set `MSPR_SERVE_PORT`. Then the address the app asks for (`app.run(port=5000)`,
`uvicorn.run(app, host="127.0.0.1")`, `flask run`) is replaced by `MSPR_SERVE_HOST:MSPR_SERVE_PORT`, and
auto-reload is switched off (a reloader would restart the app in a second process the runner does not
watch). This is the one place the tracer changes what the code does, on purpose: the runner must know where
to reach the app, and in the docker sandbox only an address on the container's own network reaches it.
An `app_start` event records the address and, for Flask, the routes of its `url_map`.
"""

import os

from mspr_tracer import api


def _target():
    port = os.environ.get("MSPR_SERVE_PORT")
    if not port or not port.isdigit():
        return None
    return os.environ.get("MSPR_SERVE_HOST") or "127.0.0.1", int(port)


def _flask_routes(application):
    app = application if hasattr(application, "url_map") else getattr(application, "_app", None)
    url_map = getattr(app, "url_map", None)
    if url_map is None:
        return None
    routes = []
    for rule in list(url_map.iter_rules())[:200]:
        methods = sorted(m for m in (rule.methods or ()) if m not in ("HEAD", "OPTIONS"))
        routes.append({"path": str(rule.rule), "methods": methods, "endpoint": str(rule.endpoint)})
    return routes


def _patch_werkzeug(module):
    original = getattr(module, "run_simple", None)
    if original is None or getattr(original, "__mspr_serve__", False):
        return

    def run_simple(hostname, port, application, *args, **kwargs):
        target = _target()
        if target is not None:
            hostname, port = target
            kwargs["use_reloader"] = False
            try:
                api.emit("app_start", None, framework="flask", host=hostname, port=port, routes=_flask_routes(application))
            except Exception as error:  # noqa: BLE001
                api.report_error("serve:werkzeug", error)
        return original(hostname, port, application, *args, **kwargs)

    run_simple.__mspr_serve__ = True
    module.run_simple = run_simple


def _patch_uvicorn(module):
    config = getattr(module, "Config", None)
    original = getattr(config, "__init__", None)
    if original is None or getattr(original, "__mspr_serve__", False):
        return

    def __init__(self, app, *args, **kwargs):
        target = _target()
        if target is not None:
            kwargs["host"], kwargs["port"] = target
            kwargs["reload"] = False
            kwargs["workers"] = None
            try:
                api.emit("app_start", None, framework="uvicorn", host=target[0], port=target[1], app=app if isinstance(app, str) else type(app).__name__)
            except Exception as error:  # noqa: BLE001
                api.report_error("serve:uvicorn", error)
        return original(self, app, *args, **kwargs)

    __init__.__mspr_serve__ = True
    config.__init__ = __init__


def register(api_module):
    if _target() is None:
        return
    api_module.on_import("werkzeug.serving", _patch_werkzeug)
    api_module.on_import("uvicorn.config", _patch_uvicorn)
