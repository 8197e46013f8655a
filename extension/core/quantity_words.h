/*
 * quantity_words.h — the one table of the words quantity.c reads around a
 * number (quantity_words.c): units, scales, currencies, classifiers,
 * approximations, multiples, range separators.  quantity.c indexes it by
 * role once per process and derives from it the first characters a
 * quantity may start with, so a new word is one row and nothing else.
 */
#ifndef NVFACTS_QUANTITY_WORDS_H
#define NVFACTS_QUANTITY_WORDS_H

#include "vocab.h"

typedef enum qword_role
{
	QW_UNIT,					/* after the number (Chinese, symbols): 美元, 个百分点, % */
	QW_ENGLISH_SCALE,			/* after the number, one space allowed: million, bn, B */
	QW_ENGLISH_UNIT,			/* after the number or its scale: percent, dollars, times */
	QW_PREFIX_CURRENCY,			/* before the number: US$, 人民币, RMB */
	QW_DOUBLING,				/* a multiple written out: 翻倍 (shift = the multiple) */
	QW_PER,						/* 百分之 N: a percentage (shift: its power of ten) */
	QW_HALF,					/* 一半, 半数: the fraction 0.5 */
	QW_FRACTION,				/* N 分之 M */
	QW_CLASSIFIER,				/* after the number: a counted thing (家, 台) */
	QW_TIME,					/* after a scaled number: a duration or a date, no count */
	QW_NOT_TENTHS,				/* 成 starting a word (成本): no 三成 = 30% */
	QW_APPROX_BEFORE,			/* before the number, the longest wins: 约, 超过 */
	QW_APPROX_AFTER,			/* after it, the first listed wins: 左右, 以上 */
	QW_RANGE,					/* between the two numbers of a range: 至, - */
	QW_JOIN,					/* between numbers sharing the unit after the last: ± */
	QW_LIST,					/* between scaled numbers sharing the unit after the last: 、 和 */
	QW_SIGN,					/* right before the digits: -, + */
	QW_FLAT_FROM,				/* before a change (and its direction word): 持平至 — a range from 0 */
	QW_PROPORTION_VERB,			/* 占, 达 after an approximation (约占…的九成): it qualifies the number */
	QW_ROLE_N_
} qword_role;

#define QW_BARE_YUAN	0x01	/* 元 alone: CNY unless the page declares another currency */
#define QW_NAMED_YUAN	0x02	/* 元 with a currency word: 元新台币 */
#define QW_CONVERTED	0x04	/* a conversion aside: 约合, 折合 */
#define QW_MULTIPLE_ONLY 0x08	/* only right after a multiple or tenths (五倍多, 三倍余, 六成多) */
#define QW_INSIDE		0x20	/* part of the quantity's text (五倍多) */
#define QW_MINUS		0x40	/* a sign that makes the number negative */
#define QW_SPACED		0x80	/* a sign a space may separate from its digits (– 1.27元) */
#define QW_UNLESS_FLOAT	0x10	/* not before 浮/波 (上下浮动 is a tolerance) */

typedef struct qword
{
	const char *word;
	qword_role	role;
	nvf_unit	unit;
	int			shift;			/* power of ten applied to the value (multiple for QW_DOUBLING) */
	nvf_approx	approx;
	unsigned	flags;
} qword;

#define QW_TABLE_MAX 512		/* rows the scanner's index holds (checked at compile time) */

extern const qword nvf_quantity_words[];	/* ended by a NULL word */

/* Whether a quantity may start with the first character of a word of this role. */
static inline bool
qword_role_starts(qword_role r)
{
	return r == QW_PREFIX_CURRENCY || r == QW_DOUBLING || r == QW_PER || r == QW_HALF ||
		r == QW_SIGN;
}

#endif							/* NVFACTS_QUANTITY_WORDS_H */
