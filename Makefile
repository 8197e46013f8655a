# nvfacts — PGXS build.  The version lives in nvfacts.control only; the
# versioned install script is built from the versionless extension/nvfacts.sql.

EXTENSION  = nvfacts
EXTVERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" nvfacts.control)

# The text core (extension/core): plain C, no PostgreSQL header, unit-tested and
# fuzzed alone.  The vocabularies (vocab.c), then in pipeline order: bytes to
# UTF-8, normalization, numbers and quantities, the lexicon, sentences and
# clauses, periods, facts, tables pasted as text, documents.
CORE_OBJS = $(addprefix extension/core/, vocab.o arena.o utf8.o decimal.o charset.o \
            normalize_tables.o normalize.o patterns.o numeral.o quantity_words.o quantity.o \
            lexicon.o clause.o period.o fact.o table.o document.o)
# The PostgreSQL glue (extension/pg): the core's environment, SQL functions,
# the lexicon cache, the loader (nvfacts_fdw) and ingest.
GLUE_OBJS = $(addprefix extension/pg/, pg_env.o sql_text.o sql_vocab.o lexicon_cache.o lexicon_rows.o sql_extract.o \
            loader_options.o loader_paths.o loader_files.o loader_fdw.o ingest.o)

MODULE_big = nvfacts
OBJS       = $(CORE_OBJS) $(GLUE_OBJS)
PGFILEDESC = "nvfacts - financial facts from Chinese news text"

# The install script and the upgrade from 0.1.0 are built from versionless
# sources; the released 0.1.0 install script is kept as it was.
UPGRADES   = extension/nvfacts--0.1.0--0.2.0.sql
DATA_built = extension/nvfacts--$(EXTVERSION).sql $(UPGRADES)
# (with the control file of its own settings)
DATA       = extension/nvfacts--0.1.0.sql extension/nvfacts--0.1.0.control

DEPS_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n libpcre2-8)
DEPS_LIBS   := $(shell pkg-config --libs icu-uc icu-i18n libpcre2-8)
PG_CPPFLAGS = -I$(srcdir)/extension/core -I$(srcdir)/extension/pg $(DEPS_CFLAGS)
SHLIB_LINK  = $(DEPS_LIBS)

REGRESS      = normalize quantities bad_input extract periods attribution
REGRESS_OPTS = --encoding=UTF8 --no-locale --load-extension=nvfacts

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# every object depends on every header (PGXS tracks none here)
$(OBJS): $(wildcard extension/core/*.h extension/pg/*.h)

# The parts an upgrade shares with the install script come after its own statements: the
# vocabularies' function and the lexicon columns it checks, the fact
# type and extract(), the lexicon table 0.2.0 adds, the shipped lexicon and the triggers for its edits, the tables 0.2.0 adds for
# ingest() runs, ingest()'s routines, the BI views of facts tables, the roles and their grants.
SHARED_SQL  = extension/vocab.sql extension/fact.sql extension/segment_readings.sql extension/lexicon_data.sql extension/lexicon_rows.sql \
              extension/ingest_runs.sql extension/ingest.sql extension/views.sql extension/roles.sql
INSTALL_SQL = extension/nvfacts.sql extension/vocab.sql extension/fact.sql extension/segment_readings.sql extension/lexicon_data.sql extension/lexicon_rows.sql \
              extension/loader.sql extension/ingest_tables.sql extension/ingest_runs.sql extension/ingest.sql \
              extension/views.sql extension/roles.sql
extension/nvfacts--$(EXTVERSION).sql: $(INSTALL_SQL) nvfacts.control
	cat $(INSTALL_SQL) | sed 's/@EXTVERSION@/$(EXTVERSION)/g' > $@

extension/nvfacts--0.1.0--0.2.0.sql: extension/upgrade--0.1.0--0.2.0.sql $(SHARED_SQL)
	cat $^ > $@

# ---- outside the server -------------------------------------------------
CORE_SRCS = $(CORE_OBJS:.o=.c)
STANDALONE_SRCS = tests/fuzz/standalone_env.c tests/fuzz/standalone_lexicon.c
CLANG    ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DECODE_SECONDS ?= 20
FUZZ_EXTRACT_SECONDS ?= 20
FUZZ_LONG_SECONDS ?= 300
SAN_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_TARGETS = tests/fuzz/fuzz_quantities tests/fuzz/fuzz_decode tests/fuzz/fuzz_extract

# each target is tests/fuzz/NAME.c with the core and the standalone environment
$(FUZZ_TARGETS): tests/fuzz/%: tests/fuzz/%.c $(STANDALONE_SRCS) $(CORE_SRCS) extension/core/*.h tests/fuzz/*.h
	$(CLANG) $(SAN_FLAGS) -fsanitize=fuzzer -Iextension/core $(DEPS_CFLAGS) \
	    $< $(STANDALONE_SRCS) $(CORE_SRCS) $(DEPS_LIBS) -o $@

tests/unit/test_core: tests/unit/test_core.c $(STANDALONE_SRCS) $(CORE_SRCS) extension/core/*.h tests/fuzz/*.h
	$(CLANG) $(SAN_FLAGS) -Iextension/core $(DEPS_CFLAGS) \
	    tests/unit/test_core.c $(STANDALONE_SRCS) $(CORE_SRCS) $(DEPS_LIBS) -o $@

.PHONY: fuzz fuzz-long unit prove bench bench-scaleout eval warnings outputs-md5
# fuzz_run TARGET SECONDS SEED-DIRS: libFuzzer with ASan+UBSan over its seed corpus (new inputs
# in tests/fuzz/work-TARGET); any finding (tests/fuzz/findings/TARGET-*) fails the run.
fuzz_run = mkdir -p tests/fuzz/work-$(1) tests/fuzz/findings && \
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	tests/fuzz/fuzz_$(1) -max_total_time=$(2) -max_len=4096 -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix=tests/fuzz/findings/$(1)- -print_final_stats=1 \
	    tests/fuzz/work-$(1) $(3)

fuzz: $(FUZZ_TARGETS)
	$(call fuzz_run,quantities,$(FUZZ_SECONDS),tests/fuzz/corpus)
	$(call fuzz_run,decode,$(FUZZ_DECODE_SECONDS),tests/fuzz/corpus-decode)
	$(call fuzz_run,extract,$(FUZZ_EXTRACT_SECONDS),tests/fuzz/corpus-extract tests/fuzz/corpus)

# Every target for FUZZ_LONG_SECONDS (5 minutes each): before a release, not in tests/check.sh.
fuzz-long: $(FUZZ_TARGETS)
	$(call fuzz_run,quantities,$(FUZZ_LONG_SECONDS),tests/fuzz/corpus)
	$(call fuzz_run,decode,$(FUZZ_LONG_SECONDS),tests/fuzz/corpus-decode)
	$(call fuzz_run,extract,$(FUZZ_LONG_SECONDS),tests/fuzz/corpus-extract tests/fuzz/corpus)

# The core's own unit tests (TAP), sanitized.
unit: tests/unit/test_core
	tests/unit/test_core

# -Wall -Wextra over the project's code, with the server's compiler and flags (gcc) and
# the core alone with clang; any warning in extension/ fails.  (PostgreSQL's own headers
# are not -Wextra clean: their warnings are not ours.)
warnings:
	@out=$$( { for f in $(OBJS:.o=.c); do \
	             $(CC) $(CFLAGS) -Wextra $(CPPFLAGS) -c -o /dev/null $$f; done; \
	           $(CLANG) -Wall -Wextra -fsyntax-only -Iextension/core $(DEPS_CFLAGS) $(CORE_SRCS); } 2>&1 | \
	         grep -E '^extension/[^:]*:[0-9]+:[0-9]+: warning' ); \
	 if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; \
	 echo "warnings: none in extension/ (gcc -Wall -Wextra, clang -Wall -Wextra on the core)"

# One MD5 per SQL function over every article the project can see (PG* names the cluster):
# a change that must not change output is shown by equal figures before and after.
outputs-md5:
	bash tests/outputs_md5.sh

# pgTAP suites against the installed extension (PG* variables name the cluster).
prove:
	NVFACTS_DATA=$(CURDIR)/tests/data pg_prove --ext .sql -r tests/pgtap

bench:
	bash tests/bench.sh

# one node against two shards (postgres_fdw, async append) on the same generated articles
bench-scaleout:
	bash tests/bench_scaleout.sh

# extract() scored against ../shared/corpus/dev (a private cluster of its own).
eval:
	bash tests/eval.sh

EXTRA_CLEAN = $(FUZZ_TARGETS) tests/unit/test_core results regression.diffs regression.out
