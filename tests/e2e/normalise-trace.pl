#!/usr/bin/perl
# Rewrites a trace log (strace's or epolltrace's, with or without -o) into
# a form two runs of the same program can be compared in.  It changes only
# what differs between runs or between strace 6.1 and 7.x:
#   - pids become P1, P2, ... in order of first appearance; in a line's
#     prefix padded to the pid's width, so the alignment column is kept;
#   - addresses (hex of 8 or more digits, except data=, events= and flag
#     remainders) become 0xAAAA..., of the same width;
#   - si_utime/si_stime (and their "/* 0.01 s */" comments) become N;
#   - inode numbers in -y names (pipe:[1234], socket:[1234]) become I's of
#     the same width;
#   - in -yy names, socket inodes, ports and netlink port ids become INO1,
#     PORT1, NLPORT1, ... in order of first appearance, so that which end
#     names which is still compared, and a pidfd's pid:N becomes a pid name;
#   - with --strace61 only (the reference log, never epolltrace's): 6.1's
#     data={u32=..., u64=N} becomes 7.x's data=0x..., and its commas around
#     <unfinished ...> / <... resumed> move to where 7.x puts them; the
#     padding before "= " is then redone for the column given by --align.
# --per-task groups the lines by task, keeping each task's order, for
# programs where only each task's own sequence is deterministic.
#
# usage: normalise-trace.pl [--strace61] [--align N] [--per-task] FILE
use strict;
use warnings;

my ($strace61, $align, $per_task) = (0, 40, 0);
while (@ARGV && $ARGV[0] =~ /^--/) {
	my $opt = shift @ARGV;
	if ($opt eq '--strace61') { $strace61 = 1; }
	elsif ($opt eq '--align') { $align = shift @ARGV; }
	elsif ($opt eq '--per-task') { $per_task = 1; }
	else { die "normalise-trace.pl: unknown option $opt\n"; }
}

# The waits of arch/syscalls.csv, from the build's tests/syscalls.env.
my $waits = do {
	my $lists = "$ENV{TESTS_BUILDDIR}/syscalls.env";
	open(my $in, '<', $lists) or die "normalise-trace.pl: $lists: $!\n";
	my ($list) = map { /^EPOLL_WAITS=(.*)$/ ? $1 : () } <$in>;
	join('|', split(/,/, $list));
};

my %name;
my @tasks;
sub pid_name {
	my ($pid) = @_;
	unless (exists $name{$pid}) {
		push @tasks, $pid;
		$name{$pid} = 'P' . scalar(@tasks);
	}
	return $name{$pid};
}

# The name in a field as wide as the pid was ("%-5d " or "[pid %5u] ").
sub padded_pid_name {
	my ($pid, $left) = @_;
	my $n = pid_name($pid);
	my $fill = ' ' x (length($pid) > length($n) ? length($pid) - length($n) : 0);
	return $left ? $n . $fill : $fill . $n;
}

# -yy's socket names, "<TCP:[127.0.0.1:8080->127.0.0.1:51234]>" and the like.
my $yy_label = qr{UNIX(?:-STREAM)?|NETLINK|(?:TCP|UDP|UDPLITE|DCCP|SCTP|L2TP/IP|PING|RAW)(?:v6)?};
my $yy_content = qr{(?:"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^"\[\]])*};
my %tokens;
sub token {
	my ($kind, $value) = @_;
	my $seen = $tokens{$kind} //= {};
	$seen->{$value} = $kind . (scalar(keys %$seen) + 1) unless exists $seen->{$value};
	return $seen->{$value};
}

sub yy_socket {
	my ($label, $text) = @_;
	if ($text =~ /^\d+$/) {
		return token('INO', $text);
	} elsif ($label =~ /^UNIX/) {
		$text =~ s/^(\d+)(?:->(\d+))?/token('INO', $1) . (defined $2 ? '->' . token('INO', $2) : '')/e;
	} elsif ($label eq 'NETLINK') {
		$text =~ s/:(\d+)$/':' . token('NLPORT', $1)/e;
	} else {
		$text =~ s/:(\d+)(?=->|$)/':' . token('PORT', $1)/ge;
	}
	return $text;
}

sub strace61_to_7 {
	my ($body) = @_;
	$body =~ s/data=\{u32=\d+, u64=(\d+)\}/sprintf('data=%#x', $1)/ge;
	$body =~ s/, +<unfinished \.\.\.>/ <unfinished ...>/;
	$body =~ s/<\.\.\. ($waits) resumed> ?(?=[^,)\s])/<... $1 resumed>, /;
	return $body;
}

my %lines_of;
my @out;
while (my $line = <>) {
	chomp $line;
	my ($prefix, $rest) = ('', $line);
	if ($line =~ /^(\d+ +)(.*)$/ || $line =~ /^(\[pid +\d+\] )(.*)$/) {
		($prefix, $rest) = ($1, $2);
	}
	my ($body, $pad, $result) = ($rest, '', '');
	# The last " = ": a -y name may hold one, the result never does.
	if ($rest =~ /^(.*\S)( +)(= \S.*)$/) {
		($body, $pad, $result) = ($1, $2, $3);
	}

	if ($strace61) {
		my $new = strace61_to_7($body);
		if ($new ne $body && $result ne '') {
			my $width = $align - length($prefix . $new);
			$pad = ' ' x ($width > 1 ? $width : 1);
		}
		$body = $new;
	}

	my $task = '';
	if ($prefix =~ /(\d+)/) {
		$task = $1;
		my $n = padded_pid_name($task, $prefix =~ /^\d/);
		$prefix =~ s/\d+/$n/;
	}
	$body =~ s/\b(si_pid=|superseded by execve in pid )(\d+)/$1 . pid_name($2)/ge;
	$body =~ s/\b(si_[us]time)=\d+(?: \/\* [0-9.]+ s \*\/)?/$1=N/g;
	$body =~ s/\b(pipe|socket):\[(\d+)\]/"$1:[" . ('I' x length($2)) . ']'/ge;
	$body =~ s/<($yy_label):\[($yy_content)\]>/"<$1:[" . yy_socket($1, $2) . ']>'/ge;
	$body =~ s/<pid:(\d+)>/'<pid:' . pid_name($1) . '>'/ge;
	$body =~ s/(?<!data=)(?<!events=)(?<!\|)\b0x([0-9a-f]{8,})\b/'0x' . ('A' x length($1))/ge;
	$result =~ s/\b0x([0-9a-f]{8,})\b/'0x' . ('A' x length($1))/ge;

	my $text = $prefix . $body . $pad . $result;
	if ($per_task) {
		push @{$lines_of{$task}}, $text;
	} else {
		push @out, $text;
	}
}

if ($per_task) {
	for my $task ('', @tasks) {
		push @out, @{$lines_of{$task} // []};
	}
}
print "$_\n" for @out;
