"""pytest plugin shipped beside a run: one JSON line per test event, flushed at once (survives kills).

Enabled with `PYTHONPATH=<this folder> P2C_REPORT_JSONL=<file> pytest -p p2c_report_plugin`. Stdlib only.
"""

import importlib.util
import json
import os
import sys

_CAP = 4000
_out = None
_smi = None


def _write(rec):
    if _out is not None:
        _out.write(json.dumps(rec) + "\n")
        _out.flush()


def pytest_configure(config):
    global _out
    path = os.environ.get("P2C_REPORT_JSONL")
    if path and not hasattr(config, "workerinput"):  # xdist workers: the controller reports for them
        _out = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 (open for the whole session)


def pytest_sessionstart(session):
    global _smi
    if _out is not None:
        from p2c_probe import smi

        _smi = smi()  # GPU memory in use before the tests: a foreign process holding the GPU shows here


def pytest_collection_finish(session):
    _write({"event": "collected", "count": len(session.items)})


def pytest_runtest_logstart(nodeid, location):
    _write({"event": "start", "nodeid": nodeid})


def pytest_collectreport(report):
    if report.failed:
        _write(
            {
                "event": "test",
                "nodeid": report.nodeid or "<collection>",
                "when": "collect",
                "outcome": "error",
                "duration": 0.0,
                "message": str(report.longrepr)[-_CAP:],
            }
        )


def pytest_runtest_logreport(report):
    if not (report.when == "call" or report.failed or (report.when == "setup" and report.skipped)):
        return
    outcome = report.outcome
    if hasattr(report, "wasxfail"):
        outcome = "xfailed" if report.skipped else "xpassed"
    elif report.failed and report.when != "call":
        outcome = "error"
    message, detail = "", ""
    if report.skipped and isinstance(report.longrepr, tuple):
        message = str(report.longrepr[2]).removeprefix("Skipped: ")
    elif report.failed:
        crash = getattr(report.longrepr, "reprcrash", None)
        lines = str(report.longrepr).strip().splitlines()
        message = crash.message if crash is not None else (lines[-1] if lines else "")
        detail = report.longreprtext[-_CAP:]
    if hasattr(report, "wasxfail") and not message:
        message = str(report.wasxfail)
    _write(
        {
            "event": "test",
            "nodeid": report.nodeid,
            "when": report.when,
            "outcome": outcome,
            "duration": round(report.duration, 4),
            "message": str(message)[:_CAP],
            "detail": detail,
            "gpu": "gpu" in report.keywords,
        }
    )


def pytest_sessionfinish(session, exitstatus):
    _write({"event": "finish", "exitstatus": int(exitstatus)})
    # the device probe, free when the tests already imported torch (or torch is absent); else the runner
    # runs p2c_probe.py itself afterwards
    if _out is not None and ("torch" in sys.modules or importlib.util.find_spec("torch") is None):
        from p2c_probe import probe

        _write({"event": "probe", **probe(_smi)})
