/*
 * decimal.c — exact decimal values (mant * 10^exp) for parsed quantities.
 * 260.44亿 must be 26044000000 exactly; binary floating point cannot say that.
 */
#include <stdio.h>
#include <string.h>

#include "nvfacts_core.h"

#define MANT_LIMIT INT64_C(999999999999999999)	/* 18 digits */
#define EXP_LIMIT 400

static nvf_dec
dec_fail(void)
{
	nvf_dec		d = {0, 0, false};

	return d;
}

/* Drops trailing zeros of the mantissa into the exponent. */
static nvf_dec
dec_trim(nvf_dec a)
{
	if (!a.ok)
		return a;
	if (a.mant == 0)
	{
		a.exp = 0;
		return a;
	}
	while (a.mant % 10 == 0)
	{
		a.mant /= 10;
		a.exp++;
	}
	if (a.exp > EXP_LIMIT || a.exp < -EXP_LIMIT)
		return dec_fail();
	return a;
}

nvf_dec
nvf_dec_make(int64_t mant, int32_t exp)
{
	nvf_dec		d;

	if (mant > MANT_LIMIT || mant < -MANT_LIMIT)
		return dec_fail();
	d.mant = mant;
	d.exp = exp;
	d.ok = true;
	return dec_trim(d);
}

nvf_dec
nvf_dec_shift(nvf_dec a, int32_t pow10)
{
	if (!a.ok || pow10 > EXP_LIMIT || pow10 < -EXP_LIMIT)
		return dec_fail();
	a.exp += pow10;
	return dec_trim(a);
}

nvf_dec
nvf_dec_neg(nvf_dec a)
{
	a.mant = -a.mant;
	return a;
}

bool
nvf_dec_is_zero(nvf_dec a)
{
	return a.ok && a.mant == 0;
}

/*
 * digits(|mant|) + exp <= NVF_MAX_MAGNITUDE_EXP, that is |mant| <
 * 10^(NVF_MAX_MAGNITUDE_EXP - exp): a comparison, not a division a digit
 * (a made decimal has 18 digits at most).
 */
bool
nvf_dec_plausible(nvf_dec a)
{
	static const uint64_t pow10[19] = {
		1, UINT64_C(10), UINT64_C(100), UINT64_C(1000), UINT64_C(10000), UINT64_C(100000),
		UINT64_C(1000000), UINT64_C(10000000), UINT64_C(100000000),
		UINT64_C(1000000000), UINT64_C(10000000000), UINT64_C(100000000000),
		UINT64_C(1000000000000), UINT64_C(10000000000000),
		UINT64_C(100000000000000), UINT64_C(1000000000000000),
		UINT64_C(10000000000000000), UINT64_C(100000000000000000),
		UINT64_C(1000000000000000000)
	};
	uint64_t	m = a.mant < 0 ? -(uint64_t) a.mant : (uint64_t) a.mant;
	int64_t		room = (int64_t) NVF_MAX_MAGNITUDE_EXP - a.exp;

	if (!a.ok || m == 0)
		return a.ok;
	if (room <= 0)
		return false;
	return room > 18 || m < pow10[room];
}

/* Scales mant by 10^k exactly, or fails on overflow. */
static bool
mant_scale(int64_t *mant, int32_t k)
{
	while (k-- > 0)
	{
		if (*mant > MANT_LIMIT / 10 || *mant < -MANT_LIMIT / 10)
			return false;
		*mant *= 10;
	}
	return true;
}

nvf_dec
nvf_dec_add(nvf_dec a, nvf_dec b)
{
	int64_t		am = a.mant,
				bm = b.mant;
	int32_t		e;

	if (!a.ok || !b.ok)
		return dec_fail();
	if (a.mant == 0)
		return b;
	if (b.mant == 0)
		return a;
	e = a.exp < b.exp ? a.exp : b.exp;
	if (a.exp - e > 36 || b.exp - e > 36 ||
		!mant_scale(&am, a.exp - e) || !mant_scale(&bm, b.exp - e))
		return dec_fail();
	return nvf_dec_make(am + bm, e);
}

nvf_dec
nvf_dec_mul(nvf_dec a, nvf_dec b)
{
	__int128	m;

	if (!a.ok || !b.ok)
		return dec_fail();
	m = (__int128) a.mant * b.mant;
	if (m > MANT_LIMIT || m < -MANT_LIMIT)
		return dec_fail();
	return nvf_dec_make((int64_t) m, a.exp + b.exp);
}

/* Quotient to 15 significant digits (fractions such as 三分之一). */
nvf_dec
nvf_dec_div(nvf_dec a, nvf_dec b)
{
	__int128	num;
	int32_t		exp;
	int			scale = 0;

	if (!a.ok || !b.ok || b.mant == 0)
		return dec_fail();
	num = a.mant;
	exp = a.exp - b.exp;
	/* scale the numerator so the quotient has 15 significant digits */
	while (scale < 36)
	{
		__int128	q = num / b.mant;

		if (q >= INT64_C(100000000000000) || q <= -INT64_C(100000000000000))
			break;
		num *= 10;
		scale++;
	}
	{
		__int128	q = num / b.mant,
					r = num % b.mant;

		/* round half away from zero: 2/3 -> 0.666666666666667 */
		if (2 * (r < 0 ? -r : r) >= (b.mant < 0 ? -(__int128) b.mant : b.mant))
			q += ((num < 0) != (b.mant < 0)) ? -1 : 1;
		return nvf_dec_make((int64_t) q, exp - scale);
	}
}

double
nvf_dec_to_double(nvf_dec a)
{
	double		v = (double) a.mant;
	int32_t		e = a.exp;

	while (e > 0)
		v *= 10.0, e--;
	while (e < 0)
		v /= 10.0, e++;
	return v;
}

int
nvf_dec_cmp(nvf_dec a, nvf_dec b)
{
	nvf_dec		d = nvf_dec_add(a, nvf_dec_neg(b));

	if (!d.ok)
	{
		double		x = nvf_dec_to_double(a),
					y = nvf_dec_to_double(b);

		return (x > y) - (x < y);
	}
	return (d.mant > 0) - (d.mant < 0);
}

void
nvf_dec_format(nvf_dec a, char *out, size_t outsz)
{
	char		digits[24];
	int			n;
	size_t		o = 0;
	uint64_t	m;

	if (!a.ok || outsz < NVF_DEC_TEXT)
	{
		snprintf(out, outsz, "%.17g", nvf_dec_to_double(a));
		return;
	}
	/* too long for plain text: exact scientific form (numeric_in reads it) */
	if (a.exp > 40 || a.exp < -40)
	{
		snprintf(out, outsz, "%lldE%d", (long long) a.mant, (int) a.exp);
		return;
	}
	if (a.mant < 0)
		out[o++] = '-';
	m = a.mant < 0 ? (uint64_t) (-a.mant) : (uint64_t) a.mant;
	n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long) m);
	if (a.exp >= 0)
	{
		memcpy(out + o, digits, n);
		o += n;
		for (int i = 0; i < a.exp; i++)
			out[o++] = '0';
	}
	else if (-a.exp >= n)
	{
		out[o++] = '0';
		out[o++] = '.';
		for (int i = 0; i < -a.exp - n; i++)
			out[o++] = '0';
		memcpy(out + o, digits, n);
		o += n;
	}
	else
	{
		memcpy(out + o, digits, n + a.exp);
		o += n + a.exp;
		out[o++] = '.';
		memcpy(out + o, digits + n + a.exp, -a.exp);
		o += -a.exp;
	}
	out[o] = '\0';
}
