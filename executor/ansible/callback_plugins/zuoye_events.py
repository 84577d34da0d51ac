# -*- coding: utf-8 -*-
# 作业任务: writes one JSON line per Ansible event to a file descriptor of the
# executor (fd 3 by default), while the normal human output stays on stdout.
# It also ends the run's process group if the executor that started it dies.
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = """
    name: zuoye_events
    type: notification
    short_description: structured job events for the 作业任务 executor
    description:
      - One JSON object per line on the file descriptor named by ZUOYE_EVENTS_FD.
    requirements:
      - enabled through ANSIBLE_CALLBACKS_ENABLED
"""

import json
import os
import signal
import sys
import threading
import time

from ansible.plugins.callback import CallbackBase

_KEEP = ("msg", "rc", "cmd", "changed", "failed", "skipped", "unreachable", "item", "attempts", "ansible_job_id", "start", "end", "delta")
# Only a bound on what goes down the pipe: the executor masks secrets first and then cuts
# each text to its excerpt. Cutting to the excerpt here would keep the first part of a
# secret that straddles the cut, which masking cannot recognise any more.
_MAX_TEXT = 65536


def _small(result):
    """A bounded copy of a module result: the keys a reader needs, very long text cut."""
    out = {}
    for key in _KEEP:
        if key in result:
            value = result[key]
            if isinstance(value, str) and len(value) > _MAX_TEXT:
                value = value[:_MAX_TEXT] + "…"
            out[key] = value
    for key in ("stdout", "stderr"):
        if isinstance(result.get(key), str) and result[key]:
            out[key] = result[key][:_MAX_TEXT]
    return out


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "notification"
    CALLBACK_NAME = "zuoye_events"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self._play = ""
        self._task = ""
        self._lock = threading.Lock()
        try:
            fd = int(os.environ.get("ZUOYE_EVENTS_FD", "3"))
            self._out = os.fdopen(fd, "w", buffering=1, encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            self._out = None
        self._watch_parent()

    def _watch_parent(self):
        """If the executor is killed, its jobs must not run on unsupervised: end the group."""
        parent = os.getppid()

        def watch():
            while True:
                time.sleep(1)
                if os.getppid() != parent:
                    try:
                        os.killpg(os.getpgrp(), signal.SIGKILL)
                    finally:
                        os._exit(1)

        t = threading.Thread(target=watch, name="zuoye-parent-watch")
        t.daemon = True
        t.start()

    def _emit(self, event, host="", changed=False, failed=False, data=None):
        if self._out is None:
            return
        try:
            sys.stdout.flush()
        except Exception:
            pass
        record = {
            "event": event,
            "play": self._play,
            "task": self._task,
            "host": host,
            "changed": bool(changed),
            "failed": bool(failed),
            "created": time.time(),
            "data": data or {},
        }
        with self._lock:
            try:
                self._out.write(json.dumps(record, default=str, ensure_ascii=False) + "\n")
            except Exception:
                self._out = None

    def _result(self, event, result, failed=False, extra=None):
        res = getattr(result, "_result", {}) or {}
        data = _small(res)
        if extra:
            data.update(extra)
        self._emit(event, host=result._host.get_name(), changed=res.get("changed", False), failed=failed, data=data)

    # playbook structure
    def v2_playbook_on_start(self, playbook):
        self._emit("playbook_on_start", data={"playbook": getattr(playbook, "_file_name", "")})

    def v2_playbook_on_play_start(self, play):
        self._play = play.get_name().strip()
        self._task = ""
        self._emit("playbook_on_play_start", data={"hosts": play.hosts if isinstance(play.hosts, list) else str(play.hosts)})

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._task = task.get_name().strip()
        self._emit("playbook_on_task_start", data={"action": task.action})

    def v2_playbook_on_handler_task_start(self, task):
        self._task = task.get_name().strip()
        self._emit("playbook_on_handler_task_start", data={"action": task.action})

    def v2_playbook_on_notify(self, handler, host):
        self._emit("playbook_on_notify", host=host.get_name(), data={"handler": handler.get_name()})

    def v2_playbook_on_no_hosts_matched(self):
        self._emit("playbook_on_no_hosts_matched")

    def v2_playbook_on_no_hosts_remaining(self):
        self._emit("playbook_on_no_hosts_remaining")

    # per host
    def v2_runner_on_start(self, host, task):
        self._emit("runner_on_start", host=host.get_name())

    def v2_runner_on_ok(self, result):
        self._result("runner_on_ok", result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._result("runner_on_failed", result, failed=not ignore_errors, extra={"ignore_errors": bool(ignore_errors)})

    def v2_runner_on_skipped(self, result):
        self._result("runner_on_skipped", result)

    def v2_runner_on_unreachable(self, result):
        self._result("runner_on_unreachable", result, failed=True)

    def v2_runner_item_on_ok(self, result):
        self._result("runner_item_on_ok", result)

    def v2_runner_item_on_failed(self, result):
        self._result("runner_item_on_failed", result)

    def v2_runner_item_on_skipped(self, result):
        self._result("runner_item_on_skipped", result)

    def v2_runner_retry(self, result):
        self._result("runner_retry", result)

    def v2_runner_on_async_poll(self, result):
        self._result("runner_on_async_poll", result)

    def v2_runner_on_async_ok(self, result):
        self._result("runner_on_async_ok", result)

    def v2_runner_on_async_failed(self, result):
        self._result("runner_on_async_failed", result, failed=True)

    def v2_on_file_diff(self, result):
        self._emit("on_file_diff", host=result._host.get_name())

    def v2_playbook_on_stats(self, stats):
        hosts = {}
        for host in sorted(stats.processed.keys()):
            s = stats.summarize(host)
            hosts[host] = {
                "ok": s.get("ok", 0),
                "changed": s.get("changed", 0),
                "failures": s.get("failures", 0),
                "unreachable": s.get("unreachable", 0),
                "skipped": s.get("skipped", 0),
                "rescued": s.get("rescued", 0),
                "ignored": s.get("ignored", 0),
            }
        self._emit("playbook_on_stats", data={"hosts": hosts})
