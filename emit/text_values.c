#include "decode/epoll_event.h"
#include "decode/siginfo.h"
#include "emit/emit_text.h"
#include "emit/text_values.h"
#include "decode/sigmask.h"

void print_epoll_events(struct strbuf *out, uint32_t events)
{
	struct emitter em;
	emitter_text_init(&em, out);
	emit_epoll_events(&em, events);
}

void print_epoll_data(struct strbuf *out, uint64_t data)
{
	struct emitter em;
	emitter_text_init(&em, out);
	emit_epoll_data(&em, data);
}

void print_xval(struct strbuf *out, const struct xlat *x, uint64_t val,
		const char *dflt)
{
	struct emitter em;
	emitter_text_init(&em, out);
	emit_xval(&em, x, val, dflt);
}

void print_siginfo(struct strbuf *out, const siginfo_t *si, enum const_style style)
{
	struct emitter em;
	emitter_text_init(&em, out);
	em.const_style = style;
	emit_siginfo(&em, si);
}

void print_sigmask(struct strbuf *out, const uint8_t *mask, size_t len)
{
	struct emitter em;
	emitter_text_init(&em, out);
	emit_sigmask(&em, mask, len);
}
