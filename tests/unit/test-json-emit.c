/* The JSON emitter: string escaping, nesting, every kind of value, taking back. */
#include "emit/emit_json.h"
#include "emit/emit_text.h"
#include "tests/unit/tap.h"
#include "util/json_string.h"

static struct strbuf sb = STRBUF_INIT;

static const char *quoted(const char *s)
{
	sb_reset(&sb);
	json_quote(&sb, s);
	return sb_str(&sb);
}

static void escaping(void)
{
	tap_is(quoted(""), "\"\"", "empty string");
	tap_is(quoted("pipe:[123]"), "\"pipe:[123]\"", "plain ASCII as it is");
	tap_is(quoted("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"", "quote and backslash escaped, slash not");
	tap_is(quoted("\n\t\r\b\f"), "\"\\n\\t\\r\\b\\f\"", "short escapes");
	tap_is(quoted("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"", "other controls and DEL as \\u00XX");
	tap_is(quoted("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
	       "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"", "valid UTF-8 kept");
	tap_is(quoted("a\xff" "b"), "\"a\\u00ffb\"", "a byte that is never UTF-8");
	tap_is(quoted("\x80" "x"), "\"\\u0080x\"", "a lone continuation byte");
	tap_is(quoted("\xc0\xaf"), "\"\\u00c0\\u00af\"", "an overlong form");
	tap_is(quoted("\xed\xa0\x80"), "\"\\u00ed\\u00a0\\u0080\"", "a surrogate");
	tap_is(quoted("\xf4\x90\x80\x80"), "\"\\u00f4\\u0090\\u0080\\u0080\"", "above U+10FFFF");
	tap_is(quoted("end\xe2\x82"), "\"end\\u00e2\\u0082\"", "a sequence cut by the end");
	tap_is(quoted("\xe2\x82" "A"), "\"\\u00e2\\u0082A\"", "a sequence cut by ASCII");
	tap_is(quoted("\xf0\x90\x80\x80"), "\"\xf0\x90\x80\x80\"", "U+10000 kept");
}

static struct emitter em;
static struct emit_names names = { .text = STRBUF_INIT };

static void start(void)
{
	sb_reset(&sb);
	emit_names_reset(&names);
	emitter_json_init(&em, &sb, &names);
}

static void values(void)
{
	start();
	emit_struct_begin(&em);
	emit_int_field(&em, "i", -5);
	emit_uint_field(&em, "u", 18446744073709551615ull);
	emit_field(&em, "h0");
	emit_hex(&em, 0);
	emit_field(&em, "h");
	emit_hex(&em, 0xabc);
	emit_field(&em, "sym");
	emit_symbol(&em, "EPOLLIN");
	emit_field(&em, "un");
	emit_unnamed(&em, 0x63, "EPOLL_CTL_???");
	emit_comment(&em, "text only");
	emit_field(&em, "null_addr");
	emit_addr(&em, 0);
	emit_field(&em, "addr");
	emit_addr(&em, 0x7ffd0000);
	emit_field(&em, "n");
	emit_null(&em);
	emit_field(&em, "t");
	emit_bool(&em, true);
	emit_string_field(&em, "s", "x\"y");
	emit_field(&em, "secs");
	emit_seconds(&em, 1234567890);
	emit_field(&em, "neg");
	emit_fixed(&em, -5, 2);
	emit_struct_end(&em);
	tap_is(sb_str(&sb),
	       "{\"i\":-5,\"u\":18446744073709551615,\"h0\":\"0x0\",\"h\":\"0xabc\","
	       "\"sym\":\"EPOLLIN\",\"un\":\"0x63\",\"null_addr\":null,\"addr\":\"0x7ffd0000\","
	       "\"n\":null,\"t\":true,\"s\":\"x\\\"y\",\"secs\":1.234567,\"neg\":-0.05}",
	       "every kind of value; comments left out");
}

static void nesting(void)
{
	start();
	emit_struct_begin(&em);
	emit_field(&em, "args");
	emit_args_begin(&em);
	emit_arg(&em, "list");
	emit_array_begin(&em);
	emit_struct_begin(&em);
	emit_field(&em, "events");
	emit_flags_begin(&em);
	emit_symbol(&em, "EPOLLIN");
	emit_unnamed(&em, 0x100000, "EPOLL???");
	emit_flags_end(&em);
	emit_struct_end(&em);
	emit_array_begin(&em);
	emit_array_end(&em);
	emit_array_end(&em);
	emit_arg(&em, "none");
	emit_flags_begin(&em);
	emit_flags_end(&em);
	emit_arg(&em, "set");
	emit_set_begin(&em, false);
	emit_symbol(&em, "SIGHUP");
	emit_symbol(&em, "SIGUSR1");
	emit_set_end(&em);
	emit_args_end(&em);
	emit_result(&em, &(struct emit_result) { .has_value = true, .value = 2 });
	emit_struct_end(&em);
	tap_is(sb_str(&sb),
	       "{\"args\":{\"list\":[{\"events\":[\"EPOLLIN\",\"0x100000\"]},[]],\"none\":[],"
	       "\"set\":[\"SIGHUP\",\"SIGUSR1\"]},\"ret\":2,\"errno\":null}",
	       "objects, lists, flags and sets nest; a result after the arguments");
}

static const char *result(const struct emit_result *r)
{
	start();
	emit_struct_begin(&em);
	emit_result(&em, r);
	emit_struct_end(&em);
	return sb_str(&sb);
}

static void results(void)
{
	tap_is(result(&(struct emit_result) { .has_value = true, .value = -1, .error = "EEXIST",
					       .message = "File exists" }),
	       "{\"ret\":-1,\"errno\":\"EEXIST\"}", "an error");
	tap_is(result(&(struct emit_result) { .error = "ERESTARTSYS", .message = "To be restarted" }),
	       "{\"ret\":null,\"errno\":\"ERESTARTSYS\"}", "a restart code has no value");
}

static void fd_names_and_marks(void)
{
	start();
	emit_struct_begin(&em);
	emit_field(&em, "fd");
	emit_int(&em, 3);
	em.ops->fd_name(&em, 3, "anon_inode:[eventpoll]", false);
	em.ops->fd_name(&em, 3, "anon_inode:[eventpoll]", false);
	struct emit_mark mark = emit_save(&em);
	emit_field(&em, "taken_back");
	emit_array_begin(&em);
	emit_int(&em, 4);
	em.ops->fd_name(&em, 4, "pipe:[9]", false);
	emit_restore(&em, &mark);
	emit_field(&em, "other");
	emit_int(&em, 5);
	em.ops->fd_name(&em, 5, "/tmp/a\"b\n", false);
	emit_json_fd_names(&em);
	emit_struct_end(&em);
	tap_is(sb_str(&sb),
	       "{\"fd\":3,\"other\":5,\"fd_names\":{\"3\":\"anon_inode:[eventpoll]\","
	       "\"5\":\"/tmp/a\\\"b\\n\"}}",
	       "fds named once, escaped; what was taken back is gone, names too");

	start();
	emit_struct_begin(&em);
	emit_json_fd_names(&em);
	emit_struct_end(&em);
	tap_is(sb_str(&sb), "{}", "no fd_names when none was named");
}

static const char *text_set(bool complement)
{
	sb_reset(&sb);
	emitter_text_init(&em, &sb);
	emit_set_begin(&em, complement);
	emit_symbol(&em, "HUP");
	emit_symbol(&em, "USR1");
	emit_set_end(&em);
	emit_field(&em, "ignored");
	emit_flags_begin(&em);
	emit_flags_end(&em);
	emit_truncated(&em, 0x10);
	return sb_str(&sb);
}

static void text_counterparts(void)
{
	tap_is(text_set(false), "[HUP USR1], 0, ... /* 0x10 */", "text: a set, no flags, a cut");
	tap_is(text_set(true), "~[HUP USR1], 0, ... /* 0x10 */", "text: a complement set");
}

int main(void)
{
	escaping();
	values();
	nesting();
	results();
	fd_names_and_marks();
	text_counterparts();
	emit_names_free(&names);
	sb_free(&sb);
	return tap_done();
}
