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
import re
import signal
import sys
import threading
import time

from ansible import context
from ansible.playbook.block import Block
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


def _glob_escaped(name):
    """The name as a pattern matching only itself: --start-at-task compares with fnmatch too."""
    return re.sub(r"([*?[])", r"[\1]", name)


def _reachable_tasks(blocks):
    """
    The tasks --start-at-task can stop at, in Ansible's order: the block and always sections
    (PlayIterator walks those when it looks for the task), never a rescue section, a handler
    or a task a dynamic include adds at run time.
    """
    for block in blocks:
        for section in (block.block, block.always):
            for item in section:
                if isinstance(item, Block):
                    for task in _reachable_tasks([item]):
                        yield task
                else:
                    yield item


def _will_be_rescued(task):
    """A failure of this task is caught by the rescue section of a block it is in."""
    chain = set()
    node = task
    while node is not None:
        chain.add(getattr(node, "_uuid", None))
        parent = getattr(node, "_parent", None)
        if isinstance(parent, Block) and parent.rescue and any(getattr(item, "_uuid", None) in chain for item in parent.block):
            return True
        node = parent
    return False


class _PlayTasks(object):
    """A play's reachable tasks (the name Ansible matches, where it is), where each name first is, and the hosts it ran on."""

    def __init__(self, play, hosts_known):
        self.names = []
        self.paths = []
        self.position = {}
        self.first = {}
        self.repeated = set()
        for task in _reachable_tasks(play.compile()):
            at = len(self.names)
            # untemplated: the names PlayIterator compares (the output shows them templated)
            self.names.append(task.get_name())
            self.paths.append(task.get_path() or "")
            if task._uuid in self.position:
                self.repeated.add(task._uuid)
            else:
                self.position[task._uuid] = at
            for name in (task.name, task.get_name()):
                if name and name not in self.first:
                    self.first[name] = at
        # None: every host of the play (a run that started at a task: plays before it ran nothing)
        self.hosts = set() if hosts_known else None
        # where its fact gathering is, once seen (assumed in a play that ran nothing, unless turned off)
        self.gathering = None if hosts_known or play.gather_facts is False else ""

    def first_of(self, keys):
        """The first task matching one of `keys`: its position (-1: the fact gathering) and path, or None."""
        if self.gathering is not None and "Gathering Facts" in keys:
            return -1, self.gathering
        found = [self.first[k] for k in keys if k in self.first]
        return (min(found), self.paths[min(found)]) if found else None


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "notification"
    CALLBACK_NAME = "zuoye_events"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self._play = ""
        self._task = ""
        self._plays = {}
        self._play_order = []
        self._current = None
        self._task_started = False
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
        host = result._host.get_name()
        if self._current is not None and self._current.hosts is not None:
            self._current.hosts.add(host)
        self._emit(event, host=host, changed=res.get("changed", False), failed=failed, data=data)

    def _relative(self, path):
        try:
            rel = os.path.relpath(path)
        except ValueError:
            return path
        return path if rel.startswith("..") else rel

    def _start_at(self, task):
        """
        What resuming a run at this task needs: `start_at`, the --start-at-task value that
        reaches it (null when none does), and `same_name`, the earlier tasks that value
        would stop at first (where, and on which hosts; null hosts: every host).
        """
        play = self._current
        if play is None:
            return {"start_at": None, "same_name": []}
        pos = play.position.get(task._uuid)
        if pos is not None:
            full = play.names[pos]
        elif task.action in ("gather_facts", "ansible.builtin.gather_facts") and not getattr(task, "_ds", None):
            # the fact gathering PlayIterator puts before a play's tasks
            full, pos = "Gathering Facts", -1
            play.gathering = task.get_path() or ""
        else:
            return {"start_at": None, "same_name": []}
        keys = (full, _glob_escaped(full))
        same = []
        for uuid in self._play_order:
            other = self._plays[uuid]
            if other is play:
                continue
            if other is None:
                same.append({"path": "", "hosts": None})
                continue
            hit = other.first_of(keys)
            if hit is not None and other.hosts != set():
                same.append({"path": self._relative(hit[1]), "hosts": None if other.hosts is None else sorted(other.hosts)})
        hit = play.first_of(keys) if pos >= 0 else None
        if hit is not None and hit[0] < pos:
            same.append({"path": self._relative(hit[1]), "hosts": None})
        elif task._uuid in play.repeated:
            same.append({"path": self._relative(play.paths[pos]), "hosts": None})
        return {"start_at": full, "same_name": same}

    # playbook structure
    def v2_playbook_on_start(self, playbook):
        self._emit("playbook_on_start", data={"playbook": getattr(playbook, "_file_name", "")})

    def v2_playbook_on_play_start(self, play):
        self._play = play.get_name().strip()
        self._task = ""
        # a play starts again for each batch of `serial`: the same play, the same tasks
        if play._uuid not in self._plays:
            hosts_known = not (context.CLIARGS.get("start_at_task") and not self._task_started)
            try:
                self._plays[play._uuid] = _PlayTasks(play, hosts_known)
            except Exception:
                self._plays[play._uuid] = None
            self._play_order.append(play._uuid)
        self._current = self._plays[play._uuid]
        self._emit("playbook_on_play_start", data={"hosts": play.hosts if isinstance(play.hosts, list) else str(play.hosts)})

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._task = task.get_name().strip()
        self._task_started = True
        data = {"action": task.action, "uuid": task._uuid, "path": self._relative(task.get_path() or "")}
        try:
            data.update(self._start_at(task))
        except Exception:
            data.update({"start_at": None, "same_name": []})
        self._emit("playbook_on_task_start", data=data)

    def v2_playbook_on_handler_task_start(self, task):
        self._task = task.get_name().strip()
        self._task_started = True
        self._emit("playbook_on_handler_task_start", data={"action": task.action, "uuid": task._uuid, "path": self._relative(task.get_path() or "")})

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
        task = result._task
        try:
            rescued = not ignore_errors and _will_be_rescued(task)
        except Exception:
            rescued = False
        extra = {"ignore_errors": bool(ignore_errors), "task_uuid": task._uuid, "rescued": rescued}
        self._result("runner_on_failed", result, failed=not ignore_errors, extra=extra)

    def v2_runner_on_skipped(self, result):
        self._result("runner_on_skipped", result)

    def v2_runner_on_unreachable(self, result):
        self._result("runner_on_unreachable", result, failed=True, extra={"task_uuid": result._task._uuid})

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
