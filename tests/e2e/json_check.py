#!/usr/bin/env python3
"""json_check.py: checks epolltrace --json output for tests/e2e/json.sh.

    json_check.py schema LOG          every line is one JSON object of a
                                      documented type, with the documented
                                      fields and types
    json_check.py compare JSON TEXT   the calls of JSON (--json -o) are those
                                      of TEXT (a text trace -o of the same
                                      program): per thread the same syscalls
                                      in the same order, with the same
                                      ret/errno; and as many exits
    json_check.py summary LOG [PREFIX]
                                      the summary object (the last line)
                                      counts exactly the finished syscall
                                      objects of LOG whose name starts with
                                      PREFIX (all by default), by syscall,
                                      calls and errors
    json_check.py attach LOG          registrations of the attach header, and
                                      a call left unfinished at the detach
    json_check.py names LOG           -y: every fd of epoll_ctl is named, the
                                      instance as anon_inode:[eventpoll]
    json_check.py signal LOG          a signal object with its siginfo, and a
                                      wait it interrupted
    json_check.py diagnose LOG KIND   a diagnostic object of KIND, counted in
                                      the summary's diagnostics
    json_check.py dump LOG            --dump's registrations and dump_check
    json_check.py stack LOG PROG      -k: the stack of the first epoll_wait
                                      names inner_fn, outer_fn, main of PROG

Exits 0 when the check holds; else says why on stdout (the test shows it
as TAP comments) and exits 1.
"""
import json
import os
import re
import sys

HEX = re.compile(r"^0x[0-9a-f]+$")
PROBLEMS = []


def syscall_list(key):
    """A list of arch/syscalls.csv, from the build's tests/syscalls.env."""
    with open(os.path.join(os.environ["TESTS_BUILDDIR"], "syscalls.env")) as f:
        lists = dict(line.rstrip("\n").split("=", 1) for line in f if not line.startswith("#"))
    return lists[key].split(",")


WAITS = syscall_list("EPOLL_WAITS")


def problem(text):
    PROBLEMS.append(text)


def load(path):
    """The objects of path, one per line; a line that does not parse is a problem."""
    objects = []
    with open(path, "rb") as f:
        for number, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                problem("line %d is not UTF-8: %s" % (number, e))
                continue
            if not line.endswith("\n"):
                problem("line %d does not end in a newline" % number)
            try:
                obj = json.loads(line)
            except ValueError as e:
                problem("line %d does not parse (%s): %r" % (number, e, line[:200]))
                continue
            if not isinstance(obj, dict):
                problem("line %d is not an object" % number)
                continue
            obj["_line"] = number
            objects.append(obj)
    return objects


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v):
    return (isinstance(v, (int, float))) and not isinstance(v, bool)


def want(obj, key, test, what):
    if key not in obj:
        problem("line %d (%s): no %r" % (obj["_line"], obj.get("type"), key))
    elif not test(obj[key]):
        problem("line %d (%s): %r is %r, not %s" % (obj["_line"], obj.get("type"), key,
                                                  obj[key], what))


def is_hex(v):
    return isinstance(v, str) and HEX.match(v) is not None


def is_names(v):
    """A flag list: names, or unknown bits as a hex string."""
    return isinstance(v, list) and all(isinstance(n, str) and n for n in v)


def is_event(v):
    return (isinstance(v, dict) and set(v) == {"events", "data"} and is_names(v["events"])
            and all(n.startswith("EPOLL") or is_hex(n) for n in v["events"])
            and is_hex(v["data"]))


def is_pointer(v):
    """What an unreadable or failed argument shows: null or an address."""
    return v is None or is_hex(v)


def check_args(obj):
    args = obj["args"]
    name = obj["syscall"]

    def arg(key, test, what):
        want(dict(args, _line=obj["_line"], type=name), key, test, what)

    finished = "unfinished" not in obj
    if name == "epoll_create":
        arg("size", is_int, "an int")
    elif name == "epoll_create1":
        arg("flags", is_names, "a list of names")
    elif name == "epoll_ctl":
        arg("epfd", is_int, "an int")
        arg("op", lambda v: isinstance(v, str) and (v.startswith("EPOLL_CTL_") or is_hex(v)),
            "an op name")
        arg("fd", is_int, "an int")
        arg("event", lambda v: is_event(v) or is_pointer(v), "an event, null or an address")
    elif name in WAITS:
        arg("epfd", is_int, "an int")
        if not finished:
            return
        arg("events", lambda v: is_pointer(v) or (isinstance(v, list) and all(map(is_event, v))),
            "a list of events, null or an address")
        if isinstance(args.get("events"), list) and is_int(obj.get("ret")):
            if len(args["events"]) != obj["ret"]:
                problem("line %d: %d events for ret %d" % (obj["_line"], len(args["events"]),
                                                         obj["ret"]))
        arg("maxevents", is_int, "an int")
        if name == "epoll_pwait2":
            arg("timeout", lambda v: is_pointer(v) or (
                isinstance(v, dict) and set(v) == {"tv_sec", "tv_nsec"}
                and is_int(v["tv_sec"]) and is_int(v["tv_nsec"])), "a timespec")
        else:
            arg("timeout", is_int, "an int")
        if name != "epoll_wait":
            arg("sigmask", lambda v: is_pointer(v) or (
                is_names(v) and all(n.startswith("SIG") for n in v)), "a list of signals")
            arg("sigsetsize", is_int, "an int")
    elif name == "ioctl":
        arg("fd", is_int, "an int")
        arg("request", lambda v: v in ("EPIOCSPARAMS", "EPIOCGPARAMS"), "an epoll request")
    else:
        problem("line %d: unknown syscall %r" % (obj["_line"], name))


def check_syscall(obj):
    want(obj, "pid", is_int, "an int")
    want(obj, "tid", is_int, "an int")
    want(obj, "time", is_number, "a number")
    want(obj, "syscall", lambda v: isinstance(v, str), "a name")
    want(obj, "args", lambda v: isinstance(v, dict), "an object")
    want(obj, "ret", lambda v: v is None or is_int(v), "an int or null")
    want(obj, "errno", lambda v: v is None or (isinstance(v, str) and v.startswith("E")),
         "an errno name or null")
    want(obj, "duration", lambda v: is_number(v) and v >= 0, "a number of seconds")
    if "unfinished" in obj:
        want(obj, "unfinished", lambda v: v in ("exited", "detached"), "exited or detached")
        if obj.get("ret") is not None or obj.get("errno") is not None:
            problem("line %d: an unfinished call with a result" % obj["_line"])
    elif obj.get("ret") == -1 and obj.get("errno") is None:
        problem("line %d: ret -1 without errno" % obj["_line"])
    if "fd_names" in obj:
        want(obj, "fd_names", lambda v: isinstance(v, dict) and all(
            re.match(r"^-?[0-9]+$", k) and isinstance(n, str) for k, n in v.items()),
            "an object of names by fd")
    if "stack" in obj:
        want(obj, "stack", lambda v: isinstance(v, list) and all(
            isinstance(f, dict) and is_hex(f.get("address")) for f in v), "a list of frames")
    if isinstance(obj.get("args"), dict) and isinstance(obj.get("syscall"), str):
        check_args(obj)


def check_registration(obj):
    want(obj, "source", lambda v: v in ("attach", "dump"), "attach or dump")
    want(obj, "pid", is_int, "an int")
    want(obj, "epfd", is_int, "an int")
    want(obj, "fd", lambda v: v is None or is_int(v), "an int or null")
    if obj.get("fd") is not None:
        want(obj, "name", lambda v: isinstance(v, str), "a string")
        want(obj, "events", is_names, "a list of names")
        want(obj, "data", is_hex, "a hex string")
        want(obj, "disarmed", lambda v: isinstance(v, bool), "a bool")
        if obj.get("source") == "dump":
            want(obj, "reported", is_int, "an int")


def check_summary(obj):
    counts = lambda v: isinstance(v, dict) and all(
        is_int(v.get(k)) for k in ("calls", "errors", "usecs_per_call")) and all(
        is_number(v.get(k)) for k in ("seconds", "percent"))
    if "syscalls" in obj:
        want(obj, "syscalls", lambda v: isinstance(v, list) and all(
            counts(r) and isinstance(r.get("syscall"), str) for r in v), "a list of rows")
        want(obj, "total", counts, "a row")
        want(obj, "epoll", lambda v: isinstance(v, dict) and isinstance(v.get("instances"), list),
             "an object of instances")
    if "diagnostics" in obj:
        want(obj, "diagnostics", lambda v: isinstance(v, list) and all(
            isinstance(d.get("kind"), str) and is_int(d.get("warnings")) for d in v),
             "a list of kinds")


def check_task(obj):
    want(obj, "pid", is_int, "an int")
    want(obj, "tid", is_int, "an int")
    want(obj, "time", is_number, "a number")


CHECKS = {
    "syscall": check_syscall,
    "registration": check_registration,
    "summary": check_summary,
    "signal": lambda o: (check_task(o), want(o, "signal", lambda v: isinstance(v, str), "a name"),
                         want(o, "siginfo", lambda v: isinstance(v, dict), "an object")),
    "stopped": lambda o: (check_task(o), want(o, "signal", lambda v: isinstance(v, str), "a name")),
    "exit": lambda o: (check_task(o), want(o, "status", is_int, "an int")),
    "killed": lambda o: (check_task(o), want(o, "signal", lambda v: isinstance(v, str), "a name"),
                         want(o, "core_dumped", lambda v: isinstance(v, bool), "a bool")),
    "superseded": lambda o: (check_task(o), want(o, "former_tid", is_int, "an int")),
    "personality": lambda o: (check_task(o), want(o, "mode", lambda v: v in ("32 bit", "64 bit"),
                                                  "a mode")),
    "diagnostic": lambda o: [want(o, k, lambda v: isinstance(v, str), "a string")
                             for k in ("kind", "evidence", "advice")]
    + [want(o, "fd", lambda v: v is None or is_int(v), "an int or null"),
       want(o, "time", is_number, "a number")],
    "dump_check": lambda o: (want(o, "matches", lambda v: isinstance(v, bool), "a bool"),
                             want(o, "registrations", is_int, "an int"),
                             want(o, "differences", lambda v: v is None or isinstance(v, str),
                                  "a string or null")),
}


def schema(path):
    objects = load(path)
    if not objects:
        problem("no objects at all")
    for obj in objects:
        check = CHECKS.get(obj.get("type"))
        if check is None:
            problem("line %d: unknown type %r" % (obj["_line"], obj.get("type")))
        else:
            check(obj)
    summaries = [o for o in objects if o.get("type") == "summary"]
    if summaries and (len(summaries) > 1 or summaries[0] is not objects[-1]):
        problem("the summary is not the one last line")
    types = {}
    for o in objects:
        types[o.get("type")] = types.get(o.get("type"), 0) + 1
    print("objects: %s" % ", ".join("%s %d" % kv for kv in sorted(types.items())))


# A text trace -o LOG: "TID name(args) = result", cut and resumed ones, events.
TEXT_PREFIX = re.compile(r"^([0-9]+) +(.*)$")
TEXT_START = re.compile(r"^([a-z_0-9]+)\(.* <unfinished \.\.\.>$")
TEXT_RESUMED = re.compile(r"^<\.\.\. ([a-z_0-9]+) resumed>.*\) += (.*)$")
TEXT_CALL = re.compile(r"^([a-z_0-9]+)\(.*\) += (.*)$")


def text_result(text):
    """(ret, errno) of the text after "= "; ret None for "?"."""
    m = re.match(r"^-1 (E[A-Z0-9_]+) \(", text)
    if m:
        return (-1, m.group(1))
    m = re.match(r"^\? (E[A-Z0-9_]+) \(", text)
    if m:
        return (None, m.group(1))
    m = re.match(r"^(-?[0-9]+)", text)
    if m:
        return (int(m.group(1)), None)
    return (None, None)


def text_calls(path):
    """Per tid, its calls (name, ret, errno) in order; and how many exits."""
    calls, pending, exits = {}, {}, 0
    with open(path) as f:
        for line in f:
            m = TEXT_PREFIX.match(line.rstrip("\n"))
            if not m:
                continue
            tid, rest = int(m.group(1)), m.group(2)
            if rest.startswith("+++ exited with") or rest.startswith("+++ killed by"):
                exits += 1
                continue
            m = TEXT_START.match(rest)
            if m:
                pending[tid] = m.group(1)
                continue
            m = TEXT_RESUMED.match(rest)
            if m:
                calls.setdefault(tid, []).append((m.group(1),) + text_result(m.group(2)))
                pending.pop(tid, None)
                continue
            m = TEXT_CALL.match(rest)
            if m:
                calls.setdefault(tid, []).append((m.group(1),) + text_result(m.group(2)))
    return calls, exits


def json_calls(objects):
    calls, exits = {}, 0
    for o in objects:
        if o.get("type") == "syscall":
            calls.setdefault(o["tid"], []).append((o["syscall"], o["ret"], o["errno"]))
        elif o.get("type") in ("exit", "killed"):
            exits += 1
    return calls, exits


def compare(json_path, text_path):
    got, got_exits = json_calls(load(json_path))
    want_calls, want_exits = text_calls(text_path)
    # Two runs: the thread ids differ, so the threads' sequences are compared as a set.
    got_seqs = sorted(got.values())
    want_seqs = sorted(want_calls.values())
    if not want_seqs:
        problem("the text trace has no calls")
    if got_seqs != want_seqs:
        problem("the threads' calls differ: json %d threads, text %d threads"
                % (len(got_seqs), len(want_seqs)))
        for g, w in zip(got_seqs, want_seqs):
            if g != w:
                for i, (a, b) in enumerate(zip(g, w)):
                    if a != b:
                        problem("first difference at call %d: json %r, text %r" % (i, a, b))
                        break
                else:
                    problem("json %d calls, text %d" % (len(g), len(w)))
                break
    if got_exits != want_exits:
        problem("%d exit objects, %d exit lines" % (got_exits, want_exits))
    print("%d threads, %d calls, %d exits" % (len(got_seqs), sum(map(len, got_seqs)),
                                              got_exits))


def summary(path, prefix=""):
    objects = load(path)
    if not objects or objects[-1].get("type") != "summary":
        problem("the last line is not the summary")
        return
    s = objects[-1]
    seen = {}
    for o in objects:
        if o.get("type") == "syscall" and "unfinished" not in o and \
                o["syscall"].startswith(prefix):
            c = seen.setdefault(o["syscall"], [0, 0])
            c[0] += 1
            c[1] += o["errno"] is not None
    counted = {r["syscall"]: [r["calls"], r["errors"]] for r in s.get("syscalls", [])
               if r["syscall"].startswith(prefix)}
    if seen != counted:
        problem("calls and errors by syscall: objects %r, summary %r" % (seen, counted))
    if not prefix:
        total = [sum(c[0] for c in seen.values()), sum(c[1] for c in seen.values())]
        if [s["total"]["calls"], s["total"]["errors"]] != total:
            problem("total %r, objects %r" % (s["total"], total))
    waits = {}
    for o in objects:
        if o.get("type") == "syscall" and "unfinished" not in o and \
                o["syscall"] in WAITS:
            key = (o["pid"], o["args"]["epfd"])
            waits[key] = waits.get(key, 0) + 1
    instances = {}
    for i in s["epoll"]["instances"]:
        key = (i["pid"], i["epfd"])
        instances[key] = instances.get(key, 0) + i["waits"]
    if waits != instances:
        problem("waits per instance: objects %r, summary %r" % (waits, instances))
    print("%d %s calls in objects and in the summary" % (sum(c[0] for c in seen.values()),
                                                        prefix or "all"))


def attach(path):
    objects = load(path)
    regs = [o for o in objects if o.get("type") == "registration" and o.get("source") == "attach"]
    calls = [o for o in objects if o.get("type") == "syscall"]
    if not regs:
        problem("no registration of the attach header")
    elif objects.index(regs[-1]) > min((objects.index(c) for c in calls), default=len(objects)):
        problem("the attach header does not come before the calls")
    if any("reported" in r for r in regs):
        problem("an attach registration says how often it was reported")
    if not any(r.get("fd") is not None and "EPOLLEXCLUSIVE" in r["events"] for r in regs):
        problem("no EPOLLEXCLUSIVE listener among the registrations")
    if not calls:
        problem("no calls")
    if not any(c.get("unfinished") == "detached" for c in calls):
        problem("no call left unfinished by the detach")
    print("%d registrations, %d calls" % (len(regs), len(calls)))


def names(path):
    objects = load(path)
    ctls = [o for o in objects if o.get("type") == "syscall" and o["syscall"] == "epoll_ctl"]
    if not ctls:
        problem("no epoll_ctl")
    for o in ctls:
        fd_names = o.get("fd_names", {})
        epfd, fd = str(o["args"]["epfd"]), str(o["args"]["fd"])
        if fd_names.get(epfd) != "anon_inode:[eventpoll]":
            problem("line %d: epfd %s named %r" % (o["_line"], epfd, fd_names.get(epfd)))
        if o["errno"] != "EBADF" and not fd_names.get(fd):
            problem("line %d: fd %s not named" % (o["_line"], fd))


def signal(path):
    objects = load(path)
    sigs = [o for o in objects if o.get("type") == "signal"]
    if not any(o["signal"] == "SIGUSR1" and o["siginfo"].get("si_signo") == "SIGUSR1"
               for o in sigs):
        problem("no SIGUSR1 with its siginfo")
    if not any(o.get("type") == "syscall" and o["errno"] in ("EINTR", "ERESTARTNOHAND")
               for o in objects):
        problem("no interrupted wait")


def diagnose(path, kind):
    objects = load(path)
    diags = [o for o in objects if o.get("type") == "diagnostic" and o["kind"] == kind]
    if not diags:
        problem("no diagnostic of kind %s" % kind)
    s = objects[-1] if objects else {}
    kinds = {d["kind"]: d for d in s.get("diagnostics", [])}
    if s.get("type") != "summary" or kinds.get(kind, {}).get("warnings", 0) < 1:
        problem("the summary does not count %s" % kind)
    if "syscalls" in s:
        problem("a summary with calls without -c or -C")


def dump(path):
    objects = load(path)
    regs = [o for o in objects if o.get("type") == "registration" and o.get("source") == "dump"]
    checks = [o for o in objects if o.get("type") == "dump_check"]
    if not regs or not checks:
        problem("%d dump registrations, %d dump checks" % (len(regs), len(checks)))
    for c in checks:
        if c["matches"] != (c["differences"] is None):
            problem("line %d: matches and differences disagree" % c["_line"])


def stack(path, prog):
    objects = load(path)
    waits = [o for o in objects if o.get("type") == "syscall" and o["syscall"] == "epoll_wait"]
    if not waits or "stack" not in waits[0]:
        problem("no stack on the first epoll_wait")
        return
    chain = [f["function"] for f in waits[0]["stack"] if f.get("file") == prog]
    wanted = ["inner_fn", "outer_fn", "main"]
    found = [f for f in chain if f in wanted]
    if found[:3] != wanted:
        problem("the frames of %s name %r" % (prog, chain))
    for f in waits[0]["stack"]:
        if f.get("function") is not None and not is_hex(f.get("offset")):
            problem("a frame's offset is %r" % f.get("offset"))


def main():
    commands = {"schema": schema, "compare": compare, "summary": summary, "attach": attach,
                "names": names, "signal": signal, "diagnose": diagnose, "dump": dump,
                "stack": stack}
    if len(sys.argv) < 3 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
    for p in PROBLEMS[:40]:
        print(p)
    if len(PROBLEMS) > 40:
        print("... and %d more" % (len(PROBLEMS) - 40))
    sys.exit(1 if PROBLEMS else 0)


if __name__ == "__main__":
    main()
