#!/usr/bin/env python3
"""epolltrace's benchmark (issue 5), run by `make bench`.

Runs each workload untraced, under strace and under epolltrace, in
interleaved rounds; prints the medians, the overhead ratio
(epolltrace - untraced) / (strace - untraced) and the per-call costs, the
same in attach mode, the tracer's peak memory, and each figure's target
from issue 5 with PASS or FAIL.  It measures and never gates: the exit
status is 0 unless a workload itself fails, which makes its times void.
"""

import argparse
import os
import shutil
import sys

from bench_attach import attach_workloads, run_attached
from bench_bpf import bpf_section, bpf_unavailable
from bench_loaded import LOADED_ROUNDS, loaded_section
from bench_machine import Contention, header_lines
from bench_memory import peak_attach, peak_command
from bench_modes import (BARE_STOPS, EPOLLTRACE, FILTER_ONLY, MODES, STRACE, attach_argv,
                         command_prefix)
from bench_report import (ATTACH_RATIO_TARGET, RATIO_TARGET, Verdicts, memory_lines,
                          mixed_lines, ratio_table)
from bench_rounds import BenchError, count_calls, run_rounds
from bench_top import TOP_WORKLOAD, top_groups, top_lines
from bench_versus import versus_section
from bench_workloads import MIXED_IN_CALLS, command_workloads

PEAK_FDS = 10000
# A round of the timed non-epoll calls is short (about 3 s for the four
# modes), so they can afford the rounds that their smaller gap needs.
IN_CALLS_ROUNDS_FACTOR = 3


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tracer", default=os.environ.get("EPOLLTRACE", "./epolltrace"),
                   help="epolltrace binary (default $EPOLLTRACE, else ./epolltrace)")
    p.add_argument("--progs", default="./tests/bench",
                   help="folder of the built workload programs")
    p.add_argument("--rounds", type=int, default=9,
                   help="interleaved rounds; each figure is the median (default 9)")
    p.add_argument("--loaded-rounds", type=int, default=LOADED_ROUNDS,
                   help="rounds of the loaded column, judged round by round (default %d)"
                   % LOADED_ROUNDS)
    p.add_argument("--scale", type=float, default=1.0,
                   help="multiply every iteration count (for quick trial runs)")
    p.add_argument("--only-loaded", action="store_true",
                   help="run only the loaded column (idle and loaded, side by side)")
    p.add_argument("--only-bpf", action="store_true",
                   help="run only the rows of --backend=bpf (attach and command mode)")
    p.add_argument("--versus", metavar="TRACER",
                   help="run only this build against another epolltrace binary, side by side")
    p.add_argument("--workloads", metavar="NAME,...",
                   help="with --versus: only these workloads (as the tables name them)")
    return p.parse_args()


def progress(what):
    def report(done, total):
        print("  [%s: round %d of %d done]" % (what, done, total), file=sys.stderr, flush=True)
    return report


def command_section(args, verdicts):
    workloads = command_workloads(args.progs, args.scale)
    # A workload that says what it counts is not calibrated with strace.
    calls = {w.name: getattr(w, "calls", None)
             or count_calls(w.run, lambda path: command_prefix(STRACE, None, path))
             for w in workloads}
    groups = [[((w.name, m), lambda w=w, m=m: w.run(
        command_prefix(m, args.tracer, opts=getattr(w, "tracer_opts", ()))))
               for m in MODES] for w in workloads]
    # The mixed workload's calls also run under the filter alone, untraced,
    # and for more rounds: the gap they measure is smaller than the noise.
    filter_only = [os.path.join(args.progs, "filter_only")]
    in_calls = next(w for w in workloads if w.name == MIXED_IN_CALLS)
    in_calls_group = groups.pop(workloads.index(in_calls))
    in_calls_group.append(((in_calls.name, FILTER_ONLY), lambda: in_calls.run(filter_only)))
    bare = [os.path.join(args.progs, "bare_stops")]
    for w, group in zip([w for w in workloads if w is not in_calls], groups):
        group.append(((w.name, BARE_STOPS), lambda w=w: w.run(bare)))
    times = run_rounds(groups, args.rounds, progress("command mode"))
    # Whole turns of the rotation, so that each mode runs as often in each place.
    turns = -(-IN_CALLS_ROUNDS_FACTOR * args.rounds // len(in_calls_group))
    times.update(run_rounds([in_calls_group], turns * len(in_calls_group),
                            progress("command mode, " + in_calls.name)))
    heavy = {w.name for w in workloads if w.epoll_heavy}
    lines = ratio_table("command mode: strace -f --seccomp-bpf vs epolltrace, -o /dev/null",
                        "command",
                        [w.name for w in workloads], times, calls, RATIO_TARGET,
                        verdicts, lambda name: name in heavy)
    lines += mixed_lines(times, MIXED_IN_CALLS, calls[MIXED_IN_CALLS], verdicts)
    return lines


def top_section(args):
    workload = next(w for w in command_workloads(args.progs, args.scale)
                    if w.name == TOP_WORKLOAD)
    calls = count_calls(workload.run, lambda path: command_prefix(STRACE, None, path))
    times = run_rounds([top_groups(workload, args.tracer)], args.rounds, progress("--top"))
    return top_lines(workload.name, times, calls)


def attach_section(args, verdicts):
    targets = attach_workloads(args.progs, args.scale)

    def argv_for(mode, out="/dev/null"):
        return lambda pid: attach_argv(mode, args.tracer, pid, out)

    calls = {t.name: count_calls(lambda af, t=t: run_attached(t, af),
                                 lambda path: argv_for(STRACE, path))
             for t in targets}
    groups = [[((t.name, m), lambda t=t, m=m: run_attached(t, argv_for(m))) for m in MODES]
              for t in targets]
    times = run_rounds(groups, args.rounds, progress("attach mode"))
    return ratio_table("attach mode: strace -f -p vs epolltrace -p (every syscall stops;"
                       " time of the work after attaching)", "attach",
                       [t.name for t in targets], times, calls, ATTACH_RATIO_TARGET,
                       verdicts, lambda name: True)


def bpf_lines(args, verdicts):
    why = bpf_unavailable(args.tracer)
    if why:
        return ["--backend=bpf: not measured: " + why]
    return bpf_section(args.progs, args.tracer, args.scale, args.rounds, verdicts,
                       progress("--backend=bpf"))


def memory_section(args, verdicts):
    reg_fds = os.path.join(args.progs, "reg_fds")
    peaks = {}
    for mode in (STRACE, EPOLLTRACE):
        peaks[("command", mode)] = peak_command(command_prefix(mode, args.tracer),
                                                reg_fds, PEAK_FDS)
        peaks[("attach -p", mode)] = peak_attach(
            lambda pid, mode=mode: attach_argv(mode, args.tracer, pid), reg_fds, PEAK_FDS)
    return memory_lines(PEAK_FDS, peaks, verdicts)


def main():
    args = parse_args()
    for tool in (args.tracer, "strace") + ((args.versus,) if args.versus else ()):
        if not shutil.which(tool):
            sys.exit("run.py: cannot find %s" % tool)
    contention = Contention()
    verdicts = Verdicts()
    print("\n".join(header_lines(args.rounds, args.scale, args.tracer)), flush=True)
    try:
        if args.only_bpf:
            print("\n".join([""] + bpf_lines(args, verdicts) + [""]))
            print(verdicts.summary())
            return
        if args.versus:
            print("\n".join([""] + versus_section(
                args.progs, args.tracer, args.versus, args.scale, args.rounds,
                progress("versus"),
                args.workloads.split(",") if args.workloads else None) + [""]))
            print("\n".join(contention.lines()))
            return
        if args.only_loaded:
            print("\n".join([""] + loaded_section(
                args.progs, args.tracer, args.scale, args.loaded_rounds, verdicts,
                progress("loaded")) + [""]))
            print(verdicts.summary())
            return
        command = command_section(args, verdicts)
        top = top_section(args)
        attach = attach_section(args, verdicts) + [""] + bpf_lines(args, verdicts)
        memory = memory_section(args, verdicts)
        loaded = loaded_section(args.progs, args.tracer, args.scale, args.loaded_rounds,
                                verdicts, progress("loaded"))
    except BenchError as e:
        sys.exit("run.py: a workload failed, so no figures: %s" % e)
    print("\n".join([""] + command + [""] + top + [""] + attach + [""] + memory + [""] + loaded + [""]))
    print("\n".join(contention.lines()))
    print(verdicts.summary())


if __name__ == "__main__":
    main()
