/* sb_put_uint, sb_put_int, sb_put_hex: each writes what printf would. */
#include <inttypes.h>
#include <stdio.h>

#include "tests/unit/tap.h"
#include "util/strbuf.h"

static struct strbuf sb = STRBUF_INIT;

/* Appended after text already there, which must stay. */
static const char *after_prefix(void (*put)(struct strbuf *, uint64_t), uint64_t v)
{
	sb_reset(&sb);
	sb_puts(&sb, "x=");
	put(&sb, v);
	return sb_str(&sb);
}

static void put_int(struct strbuf *out, uint64_t v)
{
	sb_put_int(out, (int64_t) v);
}

int main(void)
{
	static const uint64_t values[] = {
		0, 1, 9, 10, 15, 16, 255, 0x7fffffff, 0x80000000, UINT32_MAX,
		(uint64_t) INT64_MAX, (uint64_t) INT64_MIN, UINT64_MAX, 0xdeadbeefcafe,
	};
	char want[64];
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		uint64_t v = values[i];
		snprintf(want, sizeof(want), "x=%" PRIu64, v);
		tap_is(after_prefix(sb_put_uint, v), want, "uint %s", want);
		snprintf(want, sizeof(want), "x=%" PRId64, (int64_t) v);
		tap_is(after_prefix(put_int, v), want, "int %s", want);
		snprintf(want, sizeof(want), "x=%#" PRIx64, v);
		tap_is(after_prefix(sb_put_hex, v), want, "hex %s", want);
	}
	sb_free(&sb);
	return tap_done();
}
