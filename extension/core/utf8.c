/*
 * utf8.c — decoding and encoding UTF-8 code points (the common cases of
 * decoding are inline in nvfacts_core.h).  Invalid sequences decode as
 * U+FFFD one byte at a time, so any input scans.
 */
#include "nvfacts_core.h"

uint32_t
nvf_utf8_decode_multibyte(const unsigned char *s, size_t len, int *adv)
{
	uint32_t	c = s[0];
	int			n;
	uint32_t	min;

	if ((c & 0xE0) == 0xC0)
		n = 2, c &= 0x1F, min = 0x80;
	else if ((c & 0xF0) == 0xE0)
		n = 3, c &= 0x0F, min = 0x800;
	else if ((c & 0xF8) == 0xF0)
		n = 4, c &= 0x07, min = 0x10000;
	else
	{
		*adv = 1;
		return 0xFFFD;
	}
	if ((size_t) n > len)
	{
		*adv = 1;
		return 0xFFFD;
	}
	for (int i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
		{
			*adv = 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
	{
		*adv = 1;
		return 0xFFFD;
	}
	*adv = n;
	return c;
}

int
nvf_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

int64_t
nvf_utf8_count(const char *s, size_t len)
{
	int64_t		n = 0;
	size_t		i = 0;

	for (; i < len; n++)
		i += nvf_utf8_advance((const unsigned char *) s + i, len - i);
	return n;
}

int
nvf_han_chars(const char *s, size_t lo, size_t hi)
{
	int			n = 0,
				adv;

	for (; lo < hi; lo += adv, n++)
		if (!nvf_is_han(nvf_utf8_decode((const unsigned char *) s + lo, hi - lo, &adv)))
			return -1;
	return n;
}
