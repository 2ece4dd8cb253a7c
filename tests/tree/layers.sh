#!/usr/bin/env bash
# The arrows between folders run one way: a file includes headers from its
# own folder and from the folders Makefile.am lists before its own, never
# from one after it.  And the files call each other in one direction: no
# object file of epolltrace's libraries uses a function of another that,
# through any path, uses one of its own (read from the built libraries).
: "${TESTS_SRCDIR:?}" "${TESTS_BUILDDIR:?}"
exec python3 - "$TESTS_SRCDIR/.." "$TESTS_BUILDDIR/.." <<'PY'
import os, re, subprocess, sys

top, build = sys.argv[1], sys.argv[2]
order = re.findall(r'^include \$\(srcdir\)/(\w+)/Makefile\.inc$',
                   open(os.path.join(top, 'Makefile.am')).read(), re.M)
layers = [d for d in order if d not in ('examples', 'man', 'tests')]
rank = {d: i for i, d in enumerate(layers)}
include = re.compile(r'^#include "([^"]+)"', re.M)

problems = []
for d in layers:
    for name in sorted(os.listdir(os.path.join(top, d))):
        if not name.endswith(('.c', '.h')):
            continue
        path = f'{d}/{name}'
        for inc in include.findall(open(os.path.join(top, path)).read()):
            folder = inc.split('/')[0]
            if folder not in rank:
                problems.append(f'{path} includes {inc}, outside the layers')
            elif rank[folder] > rank[d]:
                problems.append(f'{path} ({d}/) includes {inc}: {folder}/ is a layer above')

# Which object defines each function, and which objects each one uses.
defined, used = {}, {}
for d in layers:
    for lib in sorted(os.listdir(os.path.join(build, d))) if os.path.isdir(os.path.join(build, d)) else []:
        if not lib.endswith('.a'):
            continue
        out = subprocess.run(['nm', '-A', os.path.join(build, d, lib)],
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            m = re.match(r'.*?:(\S+\.o):\s*(\S*)\s+(\w)\s+(\S+)$', line)
            if not m:
                continue
            obj = d + '/' + re.sub(r'^lib\w+_a-', '', m.group(1))[:-2]
            kind, sym = m.group(3), m.group(4)
            if kind == 'U':
                used.setdefault(obj, set()).add(sym)
            elif kind in 'TDBR':
                defined[sym] = obj
edges = {o: {defined[s] for s in syms if s in defined and defined[s] != o}
         for o, syms in used.items()}

# A circle of objects: Tarjan's strongly connected components.
index, low, stack, on, sccs = {}, {}, [], set(), []
def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in list(edges):
    if v not in index:
        visit(v)
for comp in sccs:
    problems.append('a circle of object files: ' + ', '.join(comp))

# Problems not mended yet, each a line of tests/tree/known-problems: they
# are reported as TODO, and a listed problem that no longer occurs fails,
# so that the list only shrinks.
known_path = os.path.join(top, 'tests/tree/known-problems')
known = {l.strip() for l in open(known_path) if l.strip() and not l.startswith('#')}
ups = [p for p in problems if not p.startswith('a circle')]
circles = [p for p in problems if p.startswith('a circle')]

def report(n, name, found):
    new = [p for p in found if p not in known]
    todo = [p for p in found if p in known]
    if new:
        print(f'not ok {n} - {name}')
    elif todo:
        print(f'not ok {n} - {name} # TODO {len(todo)} known, in tests/tree/known-problems')
    else:
        print(f'ok {n} - {name}')
    for p in new:
        print('# ' + p)
    for p in todo:
        print('# known: ' + p)

print('1..4')
print(('ok' if len(layers) > 5 and len(defined) > 100 else 'not ok') + f' 1 - Makefile.am names {len(layers)} layers ({" ".join(layers)}); the libraries define {len(defined)} symbols')
report(2, 'no file includes a header from a layer above its own', ups)
report(3, 'no circle of object files', circles)
gone = sorted(known - set(problems))
print(('ok' if not gone else 'not ok') + ' 4 - every problem listed as known still occurs (mended ones leave the list)')
for p in gone:
    print('# mended, remove it from the list: ' + p)
PY
