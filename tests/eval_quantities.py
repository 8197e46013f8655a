#!/usr/bin/env python3
"""Recall of nvfacts.quantities() against the quantities of gold facts.

usage: python3 tests/eval_quantities.py [--docs DIR] [--gold FILE] [--verbose] [--min PCT]

For every gold line (GOLD.md format; lines whose unit is `count` are left out)
a quantity is FOUND when some row of nvfacts.quantities(document):
  - has a span overlapping an occurrence of the line's quote in the document,
  - has the gold unit (a gold `%` also accepts an `x` row whose value x 100 matches:
    fractions such as 三分之一 used as shares),
  - has value = |gold value| within 0.5% relative, or, for a pure range (gold
    value null), both bounds matching.
Required and optional lines are counted apart.  The documents are read by psql
(connection from the PG* environment variables), one call per document.

Defaults: --docs ../shared/corpus/dev relative to the repository root, --gold
DOCS/gold.jsonl (or DOCS/expected.jsonl when there is no gold.jsonl).  A missing
docs directory is skipped (exit 0).  The exit status is 0 unless --min is given
and the required-line recall is below it, or could not be measured at all.
"""
import argparse
import base64
import csv
import io
import json
import os
import subprocess
import sys

REL_TOL = 0.005
ROW_FIELDS = ('span_start', 'span_end', 'surface', 'value', 'value_low', 'value_high', 'unit', 'approx')
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DOCS = '../shared/corpus/dev'


class PsqlError(Exception):
    pass


def options(field):
    """A gold field as the list of values it accepts."""
    return field if isinstance(field, list) else [field]


def to_float(x):
    if x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x)
    x = str(x).strip()
    if x == '' or x.upper() == 'NULL':
        return None
    try:
        return float(x)
    except ValueError:
        return None


def close(gold, got):
    """got equals gold within REL_TOL (relative to gold); None never matches."""
    if gold is None or got is None:
        return False
    return abs(gold - got) <= REL_TOL * max(abs(gold), 1e-9) + 1e-9


def occurrences(text, quote):
    """(start, end) character offsets of every occurrence of quote, overlapping ones included."""
    out = []
    i = text.find(quote) if quote else -1
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def gold_units(g):
    return [str(u).lower() for u in options(g.get('unit')) if u is not None]


def counted(g):
    """False for lines that only state a count: quantities() is not measured on those."""
    units = gold_units(g)
    return bool(units) and any(u != 'count' for u in units)


def value_matches(g, row, scale=1.0):
    """The row's value (times scale) gives the gold magnitude or, for a pure range, both bounds."""
    gv = to_float(g.get('value'))
    if gv is not None:
        rv = to_float(row.get('value'))
        return rv is not None and close(abs(gv), rv * scale)
    lo, hi = to_float(g.get('value_low')), to_float(g.get('value_high'))
    if lo is None or hi is None:
        return False
    lo, hi = sorted((abs(lo), abs(hi)))
    rl, rh = to_float(row.get('value_low')), to_float(row.get('value_high'))
    if rl is None or rh is None:
        return False
    rl, rh = sorted((rl * scale, rh * scale))
    return close(lo, rl) and close(hi, rh)


def row_matches(g, row):
    unit = (row.get('unit') or '').strip().lower()
    units = gold_units(g)
    if unit in units and value_matches(g, row):
        return True
    return '%' in units and unit == 'x' and value_matches(g, row, 100.0)


def overlapping(rows, occs):
    out = []
    for r in rows:
        try:
            s, e = int(r['span_start']), int(r['span_end'])
        except (KeyError, TypeError, ValueError):
            continue
        if any(s < oe and os_ < e for os_, oe in occs):
            out.append(r)
    return out


def judge(g, text, rows):
    """(found, reason, rows overlapping the quote) for one gold line."""
    occs = occurrences(text, g.get('quote') or '')
    if not occs:
        return False, 'quote not in document', []
    near = overlapping(rows, occs)
    if any(row_matches(g, r) for r in near):
        return True, '', near
    return False, ('no row overlaps the quote' if not near else 'rows overlap, none matches'), near


def parse_rows(csv_text):
    """Rows of `COPY ... TO STDOUT WITH (FORMAT csv, HEADER)`; CSV NULL (empty) becomes None."""
    reader = csv.DictReader(io.StringIO(csv_text, newline=''))
    rows = []
    for rec in reader:
        rows.append({k: (v if v != '' else None) for k, v in rec.items()})
    return rows


def quantities_sql(text):
    """A script that prints quantities(text) as CSV; the text travels base64-encoded, so no
    quoting, psql variable or newline translation can touch it."""
    b64 = base64.b64encode(text.encode('utf-8')).decode('ascii')
    cols = ', '.join(ROW_FIELDS)
    return ("\\set ON_ERROR_STOP 1\n"
            "SET client_encoding = 'UTF8';\n"
            f"COPY (SELECT {cols} FROM nvfacts.quantities(convert_from(decode('{b64}', 'base64'), 'UTF8'))"
            " ORDER BY span_start, span_end) TO STDOUT WITH (FORMAT csv, HEADER);\n")


def run_quantities(psql, text):
    env = dict(os.environ, PGCLIENTENCODING='UTF8')
    try:
        p = subprocess.run([psql, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', '-'],
                           input=quantities_sql(text).encode('utf-8'),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    except OSError as e:
        raise PsqlError(f'cannot run {psql}: {e}')
    if p.returncode != 0:
        raise PsqlError(p.stderr.decode('utf-8', 'replace').strip() or f'{psql} exited with {p.returncode}')
    return parse_rows(p.stdout.decode('utf-8'))


def fmt_row(r):
    v = r.get('value')
    if v is None:
        v = f"[{r.get('value_low')}, {r.get('value_high')}]"
    return f"{r.get('surface')!r}@{r.get('span_start')}-{r.get('span_end')}={v} {r.get('unit')}"


def fmt_gold(g):
    v = g.get('value')
    if v is None:
        v = f"[{g.get('value_low')}, {g.get('value_high')}]"
    return f"{v} {'/'.join(gold_units(g))}"


def share(found, total):
    return 100.0 * found / total if total else 0.0


def evaluate(gold, docs_dir, fetch):
    """Judge every counted gold line; fetch(text) returns the quantities rows of one document.
    Returns (results, errors): results are (gold line, found, reason, overlapping rows), or
    None when the very first call fails (no cluster, no extension: the rest would fail alike)."""
    results, errors, measured = [], {}, False
    for doc in sorted({g['doc'] for g in gold}):
        lines = [g for g in gold if g['doc'] == doc]
        path = os.path.join(docs_dir, doc)
        try:
            with open(path, encoding='utf-8', newline='') as fh:
                text = fh.read()
        except OSError as e:
            errors[doc] = f'cannot read {path}: {e}'
            results += [(g, False, 'document missing', []) for g in lines]
            continue
        try:
            rows = fetch(text)
        except PsqlError as e:
            errors[doc] = str(e)
            if not measured:
                return None, errors
            results += [(g, False, 'quantities() failed', []) for g in lines]
            continue
        measured = True
        results += [(g,) + judge(g, text, rows) for g in lines]
    return results, errors


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--docs', help=f'article directory (default {DEFAULT_DOCS} from the repository root)')
    ap.add_argument('--gold', help='gold JSONL (default DOCS/gold.jsonl, else DOCS/expected.jsonl)')
    ap.add_argument('--verbose', action='store_true', help='list every miss, however many')
    ap.add_argument('--min', type=float, metavar='PCT', help='exit 1 when required-line recall is below PCT')
    ap.add_argument('--psql', default=os.environ.get('PSQL', 'psql'), help='psql binary (default $PSQL or psql)')
    a = ap.parse_args(argv)

    shown_docs = a.docs or DEFAULT_DOCS
    docs_dir = a.docs or os.path.join(REPO, DEFAULT_DOCS)
    if not os.path.isdir(docs_dir):
        print(f'eval_quantities: {shown_docs} not found, skipped')
        return 0
    gold_path = a.gold
    if gold_path is None:
        gold_path = os.path.join(docs_dir, 'gold.jsonl')
        if not os.path.exists(gold_path) and os.path.exists(os.path.join(docs_dir, 'expected.jsonl')):
            gold_path = os.path.join(docs_dir, 'expected.jsonl')
    try:
        with open(gold_path, encoding='utf-8') as fh:
            gold = [json.loads(l) for l in fh if l.strip()]
    except (OSError, ValueError) as e:
        print(f'eval_quantities: cannot read gold {gold_path}: {e}', file=sys.stderr)
        return 1 if a.min is not None else 0

    excluded = sum(1 for g in gold if not counted(g))
    gold = [g for g in gold if counted(g)]
    results, errors = evaluate(gold, docs_dir, lambda text: run_quantities(a.psql, text))

    for doc, msg in sorted(errors.items()):
        print(f'eval_quantities: {doc}: {msg}', file=sys.stderr)
    if results is None:
        print('eval_quantities: nothing measured (is the cluster up and nvfacts installed?)', file=sys.stderr)
        return 1 if a.min is not None else 0

    req = [r for r in results if not r[0].get('optional')]
    opt = [r for r in results if r[0].get('optional')]
    req_found = sum(1 for r in req if r[1])
    opt_found = sum(1 for r in opt if r[1])
    print(f'quantities recall: {req_found}/{len(req)} = {share(req_found, len(req)):.1f}% (required lines)')
    print(f'quantities recall: {opt_found}/{len(opt)} = {share(opt_found, len(opt)):.1f}% (optional lines)')
    if excluded:
        print(f'({excluded} count lines excluded)')

    misses = [r for r in results if not r[1]]
    if misses and (a.verbose or len(misses) <= 30):
        for g, _, reason, near in misses:
            tag = 'MISS (optional)' if g.get('optional') else 'MISS'
            print(f"{tag} {g['doc']} quote={g.get('quote')!r} gold={fmt_gold(g)}: {reason}")
            for r in near:
                print(f'      row {fmt_row(r)}')
    elif misses:
        print(f'{len(misses)} misses; --verbose lists them')

    if a.min is not None and share(req_found, len(req)) < a.min:
        print(f'eval_quantities: required-line recall below {a.min:g}%', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
