# Writes one of the lists generated from arch/syscalls.csv, chosen by -v out=:
#   arch   arch/syscall_numbers.h: each ABI's rows, each syscall's
#          number of arguments, the calls --diagnose also stops at, and
#          the named rows (never trapped) with each ABI's numbers of them,
#          as X-macros
#   decode decode/syscall_list.h: the decoders, in the table's order
#   help   cli/syscall_help.h: --help's text for -e trace=
#   tests  tests/syscalls.env: the lists the tests and the benchmark read
#   man    man/epolltrace.1 from man/epolltrace.1.in (the second file):
#          a line @EPOLL_SYSCALLS@ becomes one ".BR name ," line per
#          syscall that strace traces by name too, and a line
#          "@DIAGNOSE_SYSCALLS@ TEXT" the list "a, b and c" of the calls
#          --diagnose also stops at, TEXT after its last.
BEGIN {
	FS = ","
	if (out !~ /^(arch|decode|help|tests|man)$/)
		fail("give -v out=arch, decode, help, tests or man")
	abis = "x86_64 i386 generic64"
	nabis = split(abis, abi, " ")
	generated = "Generated from arch/syscalls.csv by arch/syscalls.awk: do not edit."
}

function fail(why) {
	printf "arch/syscalls.awk: %s\n", why > "/dev/stderr"
	failed = 1
	exit 1
}

FNR == NR && (/^#/ || /^[ \t]*$/) { next }

FNR == NR {
	if (NF < 8)
		fail(FILENAME ":" FNR ": give name,decoder,kind,args,x86_64,i386,generic64,note")
	n++
	name[n] = $1; decoder[n] = $2; kind[n] = $3; nargs[n] = $4
	if (kind[n] == "named" && (decoder[n] != "-" || nargs[n] != "-"))
		fail(FILENAME ":" FNR ": " $1 " is never trapped: - as its decoder and arguments")
	if (kind[n] != "named" && nargs[n] !~ /^[0-6]$/)
		fail(FILENAME ":" FNR ": " $1 "'s arguments: 0 to 6")
	for (i = 1; i <= nabis; i++) {
		nr[n, abi[i]] = $(4 + i)
		if ($(4 + i) !~ /^([0-9]+|-)$/)
			fail(FILENAME ":" FNR ": " $1 " on " abi[i] ": a number or -")
	}
	note[n] = $0
	for (i = 1; i <= 7; i++)
		sub(/^[^,]*,/, "", note[n])
	if (name[n] !~ /^[a-z_0-9]+$/ || decoder[n] !~ /^([a-z_0-9]+|-)$/)
		fail(FILENAME ":" FNR ": a name and a decoder of [a-z_0-9]")
	if (kind[n] !~ /^(create|ctl|wait|ioctl|fd-end|ring|clone|memory|named)$/)
		fail(FILENAME ":" FNR ": unknown kind " kind[n])
	next
}

# The man page's template, line by line.
out == "man" {
	if ($0 == "@EPOLL_SYSCALLS@") {
		for (i = 1; i <= n; i++)
			if (strace_traces(i))
				print ".BR " name[i] " ,"
	} else if (sub(/^@DIAGNOSE_SYSCALLS@ */, "")) {
		man_list($0)
	} else {
		print
	}
	next
}

# The calls --diagnose also stops at besides the epoll ones: those whose
# kind tells the model something (app/model_feed.c says what).
function model_only(i) { return kind[i] == "fd-end" || kind[i] == "ring" }

function model_only_count(    i, count) {
	for (i = 1; i <= n; i++)
		count += model_only(i)
	return count
}

# Those calls as a list in roff, "a, b and c", then after (punctuation).
function man_list(after,    i, k, count) {
	count = model_only_count()
	for (i = 1; i <= n; i++) {
		if (!model_only(i))
			continue
		if (++k == count) {
			print (after == "" ? ".B " name[i] : ".BR " name[i] " " after)
		} else if (k == count - 1) {
			print ".B " name[i]
			print "and"
		} else {
			print ".BR " name[i] " ,"
		}
	}
}

function decoded(i) { return decoder[i] != "-" }
# Every call of it is decoded, so strace can trace the same set by name.
function strace_traces(i) { return decoded(i) && kind[i] != "ioctl" }

# The names (or x86-64 numbers) of the rows keep() accepts, comma-separated.
function names(what,    i, s) {
	s = ""
	for (i = 1; i <= n; i++)
		if (keep(what, i))
			s = s (s == "" ? "" : ",") (what == "wait_nrs" ? nr[i, "x86_64"] : name[i])
	return s
}

function keep(what, i) {
	if (what == "strace")
		return strace_traces(i)
	if (what == "decoded")
		return decoded(i)
	return kind[i] == "wait"
}

# A named row is never trapped: only the model names it.
function trapped(i) { return kind[i] != "named" }

# MACRO_ABI(X) for each ABI: X(name, number) for each row it has whose
# trapped(i) is want.
function abi_rows(macro, want, comment,    a, i) {
	for (a = 1; a <= nabis; a++) {
		print ""
		print "/* X(name, number) for each of " abi[a] "'s " comment ". */"
		printf "#define %s_%s(X)", macro, toupper(abi[a])
		for (i = 1; i <= n; i++)
			if (trapped(i) == want && nr[i, abi[a]] != "-")
				printf " \\\n\tX(%s, %s)", name[i], nr[i, abi[a]]
		print ""
	}
}

function arch_header(    i) {
	print "/* " generated " */"
	print "#ifndef EPOLLTRACE_ARCH_SYSCALL_NUMBERS_H"
	print "#define EPOLLTRACE_ARCH_SYSCALL_NUMBERS_H"
	abi_rows("SYSCALLS", 1, "syscalls that epolltrace can trap")
	print ""
	print "/* X(name, nargs): the arguments the syscall takes, on every ABI above. */"
	printf "#define SYSCALL_ARGS(X)"
	for (i = 1; i <= n; i++)
		if (trapped(i))
			printf " \\\n\tX(%s, %s)", name[i], nargs[i]
	print ""
	abi_rows("NAMED_SYSCALLS", 0, "named rows, which nothing traps")
	kind_rows("NAMED_SYSCALLS", "named",
		  "each named row: model/blocking_calls.c says what each does")
	print ""
	print "/* X(name) for each call --diagnose also stops at: app/model_feed.c's. */"
	printf "#define MODEL_SYSCALLS(X)"
	for (i = 1; i <= n; i++)
		if (model_only(i))
			printf " \\\n\tX(%s)", name[i]
	print ""
	kind_rows("CLONE_SYSCALLS", "clone",
		  "each call whose children the engine keeps traced: trace/keep_traced.c's")
	kind_rows("MEMORY_SYSCALLS", "memory",
		  "each call that makes a userfaultfd: trace/uffd_watch.c's")
	print ""
	print "#endif"
}

# The X-macro macro: X(name) for each row of kind k, as the comment says.
function kind_rows(macro, k, comment,    i) {
	print ""
	print "/* X(name) for " comment ". */"
	printf "#define %s(X)", macro
	for (i = 1; i <= n; i++)
		if (kind[i] == k)
			printf " \\\n\tX(%s)", name[i]
	print ""
}

function decode_header(    i, count) {
	print "/* " generated " */"
	print "#ifndef EPOLLTRACE_DECODE_SYSCALL_LIST_H"
	print "#define EPOLLTRACE_DECODE_SYSCALL_LIST_H"
	print ""
	print "/*"
	print " * X(name, decoder) for each decoded syscall, in the man page's order:"
	print " * decoder_desc is its struct syscall_desc."
	print " */"
	printf "#define SYSCALL_DECODERS(X)"
	for (i = 1; i <= n; i++)
		if (decoded(i)) {
			printf " \\\n\tX(%s, %s)", name[i], decoder[i]
			count++
		}
	print ""
	print ""
	print "#define NSYSCALL_DECODERS " count
	print ""
	print "#endif"
}

# text in --help's column, as C strings: 26 spaces, then at most 54
# characters a line.
function help_column(text,    w, nw, line, words) {
	nw = split(text, words, " ")
	line = ""
	for (w = 1; w <= nw; w++) {
		if (line != "" && length(line) + 1 + length(words[w]) > 54) {
			printf " \\\n\"%26s%s\\n\"", "", line
			line = ""
		}
		line = line (line == "" ? "" : " ") words[w]
	}
	printf " \\\n\"%26s%s\\n\"\n", "", line
}

function help_header(    text, i, k, count) {
	text = "trace only (or all but) these calls:"
	for (i = 1; i <= n; i++)
		if (decoded(i))
			text = text " " name[i] (note[i] == "" ? "" : " " note[i]) ","
	print "/* " generated " */"
	print "#ifndef EPOLLTRACE_CLI_SYSCALL_HELP_H"
	print "#define EPOLLTRACE_CLI_SYSCALL_HELP_H"
	print ""
	print "/* What -e trace= can name, as --help puts it. */"
	printf "#define TRACE_SET_HELP"
	help_column(text " all")
	print ""
	print "/* The calls --diagnose also stops at, as --help puts it. */"
	printf "#define DIAGNOSE_STOPS_HELP"
	count = model_only_count()
	text = "also stops at"
	for (i = 1; i <= n; i++)
		if (model_only(i))
			text = text (++k == 1 ? " " : k == count ? " and " : ", ") name[i]
	help_column(text)
	print ""
	print "#endif"
}

function tests_env() {
	print "# " generated
	print "# What strace traces by name to print what epolltrace prints by default"
	print "EPOLL_SYSCALLS=" names("strace")
	print "# Every syscall epolltrace decodes"
	print "EPOLL_DECODED=" names("decoded")
	print "# The waits, and their x86-64 numbers"
	print "EPOLL_WAITS=" names("wait")
	print "EPOLL_WAIT_NRS_X86_64=" names("wait_nrs")
}

END {
	if (failed)
		exit 1
	if (out == "arch")
		arch_header()
	else if (out == "decode")
		decode_header()
	else if (out == "help")
		help_header()
	else if (out == "tests")
		tests_env()
}
