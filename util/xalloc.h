/* Allocation: as with strbuf, running out of memory aborts. */
#ifndef EPOLLTRACE_UTIL_XALLOC_H
#define EPOLLTRACE_UTIL_XALLOC_H

#include <stddef.h>

void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);
char *xstrndup(const char *s, size_t n);

/* v (room for *cap elements of size bytes) with room for element n. */
void *grow_array(void *v, size_t *cap, size_t n, size_t size);

#endif
