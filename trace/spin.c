#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trace/spin.h"
#include "trace/tasks_running.h"

/* Below this share of waits ending within the window, spinning mostly burns CPU. */
#define HIT_RATE_MIN (256 / 4)
/* How often the load is sampled: often enough to follow a build starting. */
#define LOAD_SAMPLE_USEC 10000

void spin_policy_init(struct spin_policy *p, unsigned int window_usec, unsigned int ncpus)
{
	*p = (struct spin_policy) { .window_usec = window_usec, .ncpus = ncpus,
				    .hit_rate = 256 };
}

unsigned int spin_policy_window(const struct spin_policy *p)
{
	if (p->ncpus < 2 || p->hit_rate < HIT_RATE_MIN)
		return 0;
	unsigned int least = UINT_MAX;
	for (size_t i = 0; i < SPIN_LOAD_SAMPLES; i++)
		least = p->others[i] < least ? p->others[i] : least;
	if (least >= p->ncpus)
		return 0;
	return p->window_usec;
}

/*
 * Waits that slept are measured too (their gap includes the wake-up), so
 * that a workload that starts stopping quickly again turns the spin back on.
 */
void spin_policy_outcome(struct spin_policy *p, uint64_t gap_usec)
{
	unsigned int hit = gap_usec <= p->window_usec ? 256 : 0;
	p->hit_rate = (p->hit_rate * 7 + hit) / 8;
}

/*
 * One sample is a moment, and it overcounts the others: the tracee's
 * threads that were runnable when loadavg was read have mostly stopped at
 * their next call by the time their state is read.  A CPU hog is runnable
 * in every sample, so the least count of the last samples is the load
 * that a spin would compete with.
 */
void spin_policy_load(struct spin_policy *p, unsigned int nr_running, unsigned int ours)
{
	unsigned int others = nr_running > 1 + ours ? nr_running - 1 - ours : 0;
	unsigned char sample = others < UCHAR_MAX ? (unsigned char) others : UCHAR_MAX;
	/*
	 * The first sample stands for those not taken yet: were they taken
	 * as no load, a run started beside busy CPUs would spin against
	 * them for its first 16 samples.
	 */
	if (p->next_sample == 0)
		memset(p->others, sample, sizeof(p->others));
	p->others[p->next_sample++ % SPIN_LOAD_SAMPLES] = sample;
}

static unsigned int usable_cpus(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		return (unsigned int) CPU_COUNT(&set);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned int) n : 1;
}

void spin_open(struct spin *s, unsigned int window_usec)
{
	spin_policy_init(&s->policy, window_usec, usable_cpus());
	s->loadavg_fd = window_usec ? open("/proc/loadavg", O_RDONLY | O_CLOEXEC) : -1;
	s->next_sample_usec = 0;
	s->waiting_since_usec = 0;
}

void spin_close(struct spin *s)
{
	if (s->loadavg_fd >= 0)
		close(s->loadavg_fd);
	s->loadavg_fd = -1;
}

/*
 * The fourth field of /proc/loadavg, "running/total", counts runnable tasks
 * now; the tracee's own are taken out.  Reading more threads than this
 * would cost more than the spin saves.
 */
#define TASKS_READ_MAX 8

static void sample_load(struct spin *s, const struct task_table *tasks)
{
	char buf[128];
	ssize_t n = pread(s->loadavg_fd, buf, sizeof(buf) - 1, 0);
	if (n <= 0)
		return;
	buf[n] = '\0';
	char *p = buf;
	for (int field = 0; field < 3 && p; field++) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	if (p)
		spin_policy_load(&s->policy, (unsigned int) strtoul(p, NULL, 10),
				 tasks_running(tasks, TASKS_READ_MAX));
}

unsigned int spin_begin_wait(struct spin *s, uint64_t now_usec, const struct task_table *tasks)
{
	if (s->waiting_since_usec == 0)
		s->waiting_since_usec = now_usec;
	if (s->loadavg_fd >= 0 && now_usec >= s->next_sample_usec) {
		sample_load(s, tasks);
		s->next_sample_usec = now_usec + LOAD_SAMPLE_USEC;
	}
	return spin_policy_window(&s->policy);
}

void spin_found(struct spin *s, uint64_t now_usec)
{
	if (s->waiting_since_usec == 0)
		return;
	spin_policy_outcome(&s->policy, now_usec - s->waiting_since_usec);
	s->waiting_since_usec = 0;
}
