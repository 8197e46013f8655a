/*
 * quantity_words.c — the words around a number, one row each (roles and
 * flags in quantity_words.h).  Within a role the order matters only where
 * the role says so: approximations after a number are tried in this order,
 * everything else is matched longest first (a tie: the earlier row).  Text
 * is matched in normalized form: Simplified, half-width, ASCII as written.
 */
#include <stddef.h>

#include "quantity_words.h"

#define W(word, role, unit, shift) {word, role, NVF_UNIT_##unit, shift, NVF_APPROX_NONE, 0}
#define WF(word, role, unit, shift, flags) {word, role, NVF_UNIT_##unit, shift, NVF_APPROX_NONE, flags}
#define A(word, role, approx) {word, role, NVF_UNIT_NONE, 0, NVF_APPROX_##approx, 0}
#define AF(word, role, approx, flags) {word, role, NVF_UNIT_NONE, 0, NVF_APPROX_##approx, flags}
#define G(word, role) {word, role, NVF_UNIT_NONE, 0, NVF_APPROX_NONE, 0}

const qword nvf_quantity_words[] = {
	/* units written after the number */
	W("个百分点", QW_UNIT, PP, 0), W("百分点", QW_UNIT, PP, 0),
	W("个基点", QW_UNIT, PP, -2), W("基点", QW_UNIT, PP, -2),
	W("%", QW_UNIT, PERCENT, 0), W("‰", QW_UNIT, PERCENT, -1),
	W("美元", QW_UNIT, USD, 0), W("美金", QW_UNIT, USD, 0), W("美分", QW_UNIT, USD, -2),
	W("港元", QW_UNIT, HKD, 0), W("港币", QW_UNIT, HKD, 0),
	W("新台币", QW_UNIT, TWD, 0), W("台币", QW_UNIT, TWD, 0),
	WF("元新台币", QW_UNIT, TWD, 0, QW_NAMED_YUAN), WF("元台币", QW_UNIT, TWD, 0, QW_NAMED_YUAN),
	WF("元港币", QW_UNIT, HKD, 0, QW_NAMED_YUAN),
	W("美仙", QW_UNIT, USD, -2), W("港仙", QW_UNIT, HKD, -2),
	W("日元", QW_UNIT, JPY, 0), W("日圆", QW_UNIT, JPY, 0), W("欧元", QW_UNIT, EUR, 0),
	W("英镑", QW_UNIT, GBP, 0), W("韩元", QW_UNIT, KRW, 0),
	W("令吉", QW_UNIT, MYR, 0), W("林吉特", QW_UNIT, MYR, 0), W("马币", QW_UNIT, MYR, 0),
	WF("元人民币", QW_UNIT, CNY, 0, QW_NAMED_YUAN), W("人民币", QW_UNIT, CNY, 0),
	W("块钱", QW_UNIT, CNY, 0),
	WF("元", QW_UNIT, CNY, 0, QW_BARE_YUAN),

	/* English scales after a number (one space allowed); one letter only glued to money: $5B */
	W("thousand", QW_ENGLISH_SCALE, NONE, 3), W("million", QW_ENGLISH_SCALE, NONE, 6),
	W("billion", QW_ENGLISH_SCALE, NONE, 9), W("trillion", QW_ENGLISH_SCALE, NONE, 12),
	W("bn", QW_ENGLISH_SCALE, NONE, 9), W("mn", QW_ENGLISH_SCALE, NONE, 6),
	W("B", QW_ENGLISH_SCALE, NONE, 9), W("M", QW_ENGLISH_SCALE, NONE, 6),
	W("K", QW_ENGLISH_SCALE, NONE, 3),

	/* English units (one space allowed before) */
	W("percentage points", QW_ENGLISH_UNIT, PP, 0), W("percentage point", QW_ENGLISH_UNIT, PP, 0),
	W("pp", QW_ENGLISH_UNIT, PP, 0), W("pct", QW_ENGLISH_UNIT, PP, 0),
	W("basis points", QW_ENGLISH_UNIT, PP, -2), W("basis point", QW_ENGLISH_UNIT, PP, -2),
	W("bps", QW_ENGLISH_UNIT, PP, -2), W("bp", QW_ENGLISH_UNIT, PP, -2),
	W("percent", QW_ENGLISH_UNIT, PERCENT, 0), W("per cent", QW_ENGLISH_UNIT, PERCENT, 0),
	W("US dollars", QW_ENGLISH_UNIT, USD, 0), W("dollars", QW_ENGLISH_UNIT, USD, 0),
	W("USD", QW_ENGLISH_UNIT, USD, 0), W("yuan", QW_ENGLISH_UNIT, CNY, 0),
	W("RMB", QW_ENGLISH_UNIT, CNY, 0), W("CNY", QW_ENGLISH_UNIT, CNY, 0),
	W("HKD", QW_ENGLISH_UNIT, HKD, 0), W("euros", QW_ENGLISH_UNIT, EUR, 0),
	W("EUR", QW_ENGLISH_UNIT, EUR, 0), W("times", QW_ENGLISH_UNIT, TIMES, 0),

	/* currencies written before the number (symbols are part of the quantity's text, words not) */
	W("US$", QW_PREFIX_CURRENCY, USD, 0), W("HK$", QW_PREFIX_CURRENCY, HKD, 0),
	W("NT$", QW_PREFIX_CURRENCY, TWD, 0), W("$", QW_PREFIX_CURRENCY, USD, 0),
	W("¥", QW_PREFIX_CURRENCY, CNY, 0), W("€", QW_PREFIX_CURRENCY, EUR, 0),
	W("£", QW_PREFIX_CURRENCY, GBP, 0),
	W("USD", QW_PREFIX_CURRENCY, USD, 0), W("RMB", QW_PREFIX_CURRENCY, CNY, 0),
	W("CNY", QW_PREFIX_CURRENCY, CNY, 0), W("HKD", QW_PREFIX_CURRENCY, HKD, 0),
	W("人民币", QW_PREFIX_CURRENCY, CNY, 0), W("港币", QW_PREFIX_CURRENCY, HKD, 0),
	W("新台币", QW_PREFIX_CURRENCY, TWD, 0),

	/* multiples written out, fractions and percentages in words */
	W("翻了两番", QW_DOUBLING, TIMES, 4), W("翻两番", QW_DOUBLING, TIMES, 4),
	W("翻了三番", QW_DOUBLING, TIMES, 8), W("翻三番", QW_DOUBLING, TIMES, 8),
	W("翻了一番", QW_DOUBLING, TIMES, 2), W("翻一番", QW_DOUBLING, TIMES, 2),
	W("翻了一倍", QW_DOUBLING, TIMES, 2), W("翻一倍", QW_DOUBLING, TIMES, 2),
	W("翻了一翻", QW_DOUBLING, TIMES, 2), W("翻倍", QW_DOUBLING, TIMES, 2),
	W("翻番", QW_DOUBLING, TIMES, 2), W("倍增", QW_DOUBLING, TIMES, 2),
	W("百分之", QW_PER, PERCENT, 0), W("千分之", QW_PER, PERCENT, -1),
	W("万分之", QW_PER, PERCENT, -2),
	W("一半", QW_HALF, TIMES, 0), W("半数", QW_HALF, TIMES, 0),
	W("分之", QW_FRACTION, TIMES, 0),

	/* classifiers of counted things */
	G("个", QW_CLASSIFIER), G("家", QW_CLASSIFIER), G("块", QW_CLASSIFIER), G("张", QW_CLASSIFIER),
	G("台", QW_CLASSIFIER), G("名", QW_CLASSIFIER), G("人", QW_CLASSIFIER), G("位", QW_CLASSIFIER),
	G("颗", QW_CLASSIFIER), G("片", QW_CLASSIFIER), G("套", QW_CLASSIFIER), G("款", QW_CLASSIFIER),
	G("座", QW_CLASSIFIER), G("辆", QW_CLASSIFIER), G("部", QW_CLASSIFIER), G("件", QW_CLASSIFIER),
	G("项", QW_CLASSIFIER), G("份", QW_CLASSIFIER), G("枚", QW_CLASSIFIER), G("条", QW_CLASSIFIER),
	G("架", QW_CLASSIFIER), G("艘", QW_CLASSIFIER), G("户", QW_CLASSIFIER), G("只", QW_CLASSIFIER),
	G("支", QW_CLASSIFIER), G("笔", QW_CLASSIFIER),

	/* after a scaled number these make it a duration or a date */
	G("年", QW_TIME), G("月", QW_TIME), G("日", QW_TIME), G("天", QW_TIME), G("小时", QW_TIME),
	G("分钟", QW_TIME), G("秒", QW_TIME), G("周", QW_TIME), G("岁", QW_TIME),

	/* 成 starting a word, not tenths */
	G("成为", QW_NOT_TENTHS), G("成本", QW_NOT_TENTHS), G("成功", QW_NOT_TENTHS),
	G("成立", QW_NOT_TENTHS), G("成长", QW_NOT_TENTHS), G("成员", QW_NOT_TENTHS),
	G("成熟", QW_NOT_TENTHS), G("成果", QW_NOT_TENTHS), G("成交", QW_NOT_TENTHS),
	G("成绩", QW_NOT_TENTHS), G("成型", QW_NOT_TENTHS), G("成品", QW_NOT_TENTHS),
	G("成都", QW_NOT_TENTHS), G("成了", QW_NOT_TENTHS), G("成分", QW_NOT_TENTHS),
	G("成效", QW_NOT_TENTHS), G("成就", QW_NOT_TENTHS),

	/* approximations before the number (English ones need a word boundary) */
	A("大约", QW_APPROX_BEFORE, ABOUT), AF("约合", QW_APPROX_BEFORE, ABOUT, QW_CONVERTED),
	AF("折合", QW_APPROX_BEFORE, ABOUT, QW_CONVERTED), A("约为", QW_APPROX_BEFORE, ABOUT),
	A("约", QW_APPROX_BEFORE, ABOUT), A("大概", QW_APPROX_BEFORE, ABOUT),
	A("接近", QW_APPROX_BEFORE, ABOUT), A("将近", QW_APPROX_BEFORE, ABOUT),
	A("近", QW_APPROX_BEFORE, ABOUT), A("几乎", QW_APPROX_BEFORE, ABOUT),
	A("差不多", QW_APPROX_BEFORE, ABOUT), A("about", QW_APPROX_BEFORE, ABOUT),
	A("around", QW_APPROX_BEFORE, ABOUT), A("approximately", QW_APPROX_BEFORE, ABOUT),
	A("roughly", QW_APPROX_BEFORE, ABOUT), A("nearly", QW_APPROX_BEFORE, ABOUT),
	A("almost", QW_APPROX_BEFORE, ABOUT),
	A("超过", QW_APPROX_BEFORE, OVER), A("超出", QW_APPROX_BEFORE, OVER),
	A("跨越", QW_APPROX_BEFORE, OVER), A("超", QW_APPROX_BEFORE, OVER),
	A("逾", QW_APPROX_BEFORE, OVER), A("突破", QW_APPROX_BEFORE, OVER),
	A("冲破", QW_APPROX_BEFORE, OVER), A("高于", QW_APPROX_BEFORE, OVER),
	A("多于", QW_APPROX_BEFORE, OVER), A("不止", QW_APPROX_BEFORE, OVER),
	A("至少", QW_APPROX_BEFORE, OVER), A("起码", QW_APPROX_BEFORE, OVER),
	A("more than", QW_APPROX_BEFORE, OVER), A("over", QW_APPROX_BEFORE, OVER),
	A("above", QW_APPROX_BEFORE, OVER), A("at least", QW_APPROX_BEFORE, OVER),
	A("不足", QW_APPROX_BEFORE, UNDER), A("不到", QW_APPROX_BEFORE, UNDER),
	A("低于", QW_APPROX_BEFORE, UNDER), A("少于", QW_APPROX_BEFORE, UNDER),
	A("未满", QW_APPROX_BEFORE, UNDER), A("跌破", QW_APPROX_BEFORE, UNDER),
	A("跌穿", QW_APPROX_BEFORE, UNDER), A("less than", QW_APPROX_BEFORE, UNDER),
	A("under", QW_APPROX_BEFORE, UNDER), A("below", QW_APPROX_BEFORE, UNDER),
	A("多达", QW_APPROX_BEFORE, UP_TO), A("最多", QW_APPROX_BEFORE, UP_TO),
	A("至多", QW_APPROX_BEFORE, UP_TO), A("不超过", QW_APPROX_BEFORE, UP_TO),
	A("最高", QW_APPROX_BEFORE, UP_TO), A("up to", QW_APPROX_BEFORE, UP_TO),

	/* approximations after the number, tried in this order */
	A("左右", QW_APPROX_AFTER, ABOUT), AF("上下", QW_APPROX_AFTER, ABOUT, QW_UNLESS_FLOAT),
	A("以上", QW_APPROX_AFTER, OVER), A("之上", QW_APPROX_AFTER, OVER),
	A("有余", QW_APPROX_AFTER, OVER), A("出头", QW_APPROX_AFTER, OVER),
	A("开外", QW_APPROX_AFTER, OVER), AF("多", QW_APPROX_AFTER, OVER, QW_MULTIPLE_ONLY | QW_INSIDE),
	AF("余", QW_APPROX_AFTER, OVER, QW_MULTIPLE_ONLY),
	A("以下", QW_APPROX_AFTER, UNDER), A("之下", QW_APPROX_AFTER, UNDER),

	/* range separators (spaces allowed around them) and joiners */
	G("至", QW_RANGE), G("到", QW_RANGE), G("-", QW_RANGE), G("~", QW_RANGE), G("—", QW_RANGE),
	G("–", QW_RANGE), G("−", QW_RANGE), G("〜", QW_RANGE),
	G("/", QW_JOIN), G("±", QW_JOIN),
	G("、", QW_LIST), G("和", QW_LIST), G("及", QW_LIST), G("与", QW_LIST), G("以及", QW_LIST),

	/* 环比持平至增长2%: a change from nothing to the figure */
	G("持平至", QW_FLAT_FROM), G("持平到", QW_FLAT_FROM), G("持平或", QW_FLAT_FROM),
	G("flat to", QW_FLAT_FROM),

	/* verbs of proportion an approximation before reaches over (约占, 近达到) */
	G("占", QW_PROPORTION_VERB), G("占到", QW_PROPORTION_VERB), G("达", QW_PROPORTION_VERB),
	G("达到", QW_PROPORTION_VERB),

	/* signs right before the digits (– with a space too: – 1.27元) */
	WF("-", QW_SIGN, NONE, 0, QW_MINUS), WF("−", QW_SIGN, NONE, 0, QW_MINUS),
	WF("–", QW_SIGN, NONE, 0, QW_MINUS | QW_SPACED), W("+", QW_SIGN, NONE, 0),

	{NULL, QW_ROLE_N_, NVF_UNIT_NONE, 0, NVF_APPROX_NONE, 0}
};

_Static_assert(sizeof(nvf_quantity_words) / sizeof(nvf_quantity_words[0]) <= QW_TABLE_MAX,
			   "the scanner's index of quantity words is too small");
