// tests/client/bi_client.js — nvfacts as a BI tool sees it (TAP output; run by tests/client.sh):
// node-postgres over TCP with a password, named prepared statements with parameters against
// extract() and every view of a facts table, the types the driver hands over (numeric and bigint
// as strings, int as number, date as Date, text[] as arrays: the OIDs asserted), the comments BI
// tools show, and the SQLSTATE and message of bad calls.
// Environment: NVF_HOST, NVF_PORT, NVF_DB, NVF_USER, NVF_PASSWORD; the facts table public.news_facts
// loaded from tests/data/bi.
'use strict';
const assert = require('node:assert');
const { Client } = require('pg');

const OID = { bool: 16, int8: 20, int4: 23, text: 25, numeric: 1700, date: 1082, timestamptz: 1184, text_array: 1009 };
const conn = {
  host: process.env.NVF_HOST || '127.0.0.1',
  port: Number(process.env.NVF_PORT),
  database: process.env.NVF_DB,
  user: process.env.NVF_USER,
  password: process.env.NVF_PASSWORD,
};

// ---- TAP ------------------------------------------------------------------------------------
const cases = [];
const test = (name, fn) => cases.push({ name, fn });
let failed = 0;

// the columns of a result: name -> type OID
const types = (res) => Object.fromEntries(res.fields.map((f) => [f.name, f.dataTypeID]));
const ymd = (d) => (d instanceof Date
  ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  : `not a Date: ${JSON.stringify(d)}`);
// the error a call fails with, as { code, message }
async function failure(client, query) {
  try {
    await client.query(query);
  } catch (e) {
    return { code: e.code, message: e.message };
  }
  return { code: null, message: 'no error' };
}

let client;

// ---- the connection ---------------------------------------------------------------------------

test('connects over TCP to 127.0.0.1 with a password (scram-sha-256), as the reporting role', async () => {
  const res = await client.query('SELECT host(inet_client_addr()) AS addr, current_user AS who');
  assert.deepStrictEqual(res.rows, [{ addr: '127.0.0.1', who: conn.user }]);
});

test('a wrong password is refused: 28P01', async () => {
  const other = new Client({ ...conn, password: 'not-the-password' });
  let got;
  try {
    await other.connect();
    got = { code: null };
  } catch (e) {
    got = { code: e.code, message: e.message };
  } finally {
    await other.end().catch(() => {});
  }
  assert.deepStrictEqual(got, { code: '28P01', message: `password authentication failed for user "${conn.user}"` });
});

// ---- extract() ----------------------------------------------------------------------------------

const extractQuery = {
  name: 'extract',
  text: `SELECT fact_no, entity, metric, measure, value, value_low, value_high, unit, status,
                fiscal_year, fiscal_quarter, period_end
         FROM nvfacts.extract($1, $2) ORDER BY fact_no`,
};

test('extract(): a named prepared statement with text and date parameters; numeric as string, int as number, date as Date', async () => {
  const res = await client.query({
    ...extractQuery,
    values: ['英伟达2025财年第一季度营收为260.44亿美元，同比增长262%。公司预计下季度营收为280亿美元，上下浮动2%。', '2024-05-23'],
  });
  assert.deepStrictEqual(types(res), {
    fact_no: OID.int4, entity: OID.text, metric: OID.text, measure: OID.text, value: OID.numeric,
    value_low: OID.numeric, value_high: OID.numeric, unit: OID.text, status: OID.text,
    fiscal_year: OID.int4, fiscal_quarter: OID.int4, period_end: OID.date,
  });
  assert.deepStrictEqual(res.rows.map((r) => ({ ...r, period_end: ymd(r.period_end) })), [
    { fact_no: 1, entity: 'NVIDIA', metric: 'revenue', measure: 'level', value: '26044000000', value_low: null,
      value_high: null, unit: 'USD', status: 'actual', fiscal_year: 2025, fiscal_quarter: 1, period_end: '2024-04-30' },
    { fact_no: 2, entity: 'NVIDIA', metric: 'revenue', measure: 'yoy', value: '262', value_low: null,
      value_high: null, unit: '%', status: 'actual', fiscal_year: 2025, fiscal_quarter: 1, period_end: '2024-04-30' },
    { fact_no: 3, entity: 'NVIDIA', metric: 'revenue', measure: 'level', value: '28000000000', value_low: '27440000000',
      value_high: '28560000000', unit: 'USD', status: 'guidance', fiscal_year: 2025, fiscal_quarter: 2, period_end: '2024-07-31' },
  ]);
});

test('extract(): the same prepared statement again, other parameters (a NULL date: the page has none)', async () => {
  const res = await client.query({ ...extractQuery, values: ['微软2024财年第四季度营收为647亿美元。', null] });
  assert.deepStrictEqual(res.rows.map((r) => [r.entity, r.value, r.fiscal_year, r.fiscal_quarter, ymd(r.period_end)]),
    [['Microsoft', '64700000000', 2024, 4, '2024-06-30']]);
});

// ---- the views ------------------------------------------------------------------------------------

test('news_facts_detail: facts of one company and fiscal year, with title, calendar period and USD', async () => {
  const res = await client.query({
    name: 'detail',
    text: `SELECT doc, fact_no, title, published, value, usd_rate, value_usd, calendar_year, calendar_quarter, loaded_at
           FROM public.news_facts_detail WHERE entity = $1 AND fiscal_year = $2 ORDER BY doc, fact_no`,
    values: ['Microsoft', 2024],
  });
  assert.deepStrictEqual(types(res), {
    doc: OID.text, fact_no: OID.int4, title: OID.text, published: OID.date, value: OID.numeric,
    usd_rate: OID.numeric, value_usd: OID.numeric, calendar_year: OID.int4, calendar_quarter: OID.int4,
    loaded_at: OID.timestamptz,
  });
  assert.ok(res.rows.every((r) => r.loaded_at instanceof Date), 'loaded_at is a Date');
  assert.deepStrictEqual(res.rows.map((r) => [r.doc, r.fact_no, r.title, ymd(r.published), r.value, r.usd_rate,
    r.value_usd, r.calendar_year, r.calendar_quarter]), [
    ['msft-fy24q4.txt', 1, '微软第四财季营收647亿美元', '2024-07-31', '64700000000', '1', '64700000000', 2024, 2],
    ['msft-fy24q4.txt', 2, '微软第四财季营收647亿美元', '2024-07-31', '22000000000', '1', '22000000000', 2024, 2],
  ]);
});

test('news_facts_latest: one company and metric, a NULL segment as a parameter; the count of sources as int', async () => {
  const res = await client.query({
    name: 'latest',
    text: `SELECT status, measure, unit, value, doc, published, documents FROM public.news_facts_latest
           WHERE entity = $1 AND metric = $2 AND segment IS NOT DISTINCT FROM $3 ORDER BY status, measure`,
    values: ['NVIDIA', 'revenue', null],
  });
  assert.deepStrictEqual(types(res), {
    status: OID.text, measure: OID.text, unit: OID.text, value: OID.numeric, doc: OID.text,
    published: OID.date, documents: OID.int4,
  });
  assert.deepStrictEqual(res.rows.map((r) => ({ ...r, published: ymd(r.published) })), [
    { status: 'actual', measure: 'level', unit: 'USD', value: '26010000000', doc: 'nv-q1-c.txt', published: '2024-05-27', documents: 3 },
    { status: 'actual', measure: 'yoy', unit: '%', value: '262', doc: 'nv-q1-a.txt', published: '2024-05-23', documents: 1 },
    { status: 'guidance', measure: 'level', unit: 'USD', value: '28000000000', doc: 'nv-q1-a.txt', published: '2024-05-23', documents: 1 },
  ]);
});

test('news_facts_levels: one calendar quarter across fiscal calendars (NVIDIA FY2025 Q1, Microsoft FY2024 Q4)', async () => {
  const res = await client.query({
    name: 'levels',
    text: `SELECT DISTINCT entity, fiscal_year, fiscal_quarter FROM public.news_facts_levels
           WHERE calendar_year = $1 AND calendar_quarter = $2 ORDER BY entity`,
    values: [2024, 2],
  });
  assert.deepStrictEqual(res.rows, [
    { entity: 'Microsoft', fiscal_year: 2024, fiscal_quarter: 4 },
    { entity: 'NVIDIA', fiscal_year: 2025, fiscal_quarter: 1 },
  ]);
});

test('news_facts_consensus: a boolean parameter; agreement (numeric) as string, counts as numbers, dates as Date', async () => {
  const res = await client.query({
    name: 'consensus',
    text: `SELECT segment, value, documents, all_documents, agreement, conflict, first_published, last_published
           FROM public.news_facts_consensus WHERE conflict = $1 ORDER BY segment`,
    values: [true],
  });
  assert.deepStrictEqual(types(res), {
    segment: OID.text, value: OID.numeric, documents: OID.int4, all_documents: OID.int4, agreement: OID.numeric,
    conflict: OID.bool, first_published: OID.date, last_published: OID.date,
  });
  assert.deepStrictEqual(res.rows.map((r) => ({ ...r, first_published: ymd(r.first_published), last_published: ymd(r.last_published) })), [
    { segment: 'data_center', value: '22563000000', documents: 2, all_documents: 3, agreement: '0.667', conflict: true,
      first_published: '2024-05-24', last_published: '2024-05-27' },
    { segment: 'gaming', value: '2600000000', documents: 1, all_documents: 2, agreement: '0.500', conflict: true,
      first_published: '2024-05-24', last_published: '2024-05-24' },
  ]);
});

test('news_facts_conflicts: text[] columns arrive as arrays', async () => {
  const res = await client.query({
    name: 'conflicts',
    text: `SELECT value, agreed, documents, docs, evidence FROM public.news_facts_conflicts
           WHERE entity = $1 AND segment = $2 ORDER BY value`,
    values: ['NVIDIA', 'gaming'],
  });
  assert.deepStrictEqual(types(res), {
    value: OID.numeric, agreed: OID.bool, documents: OID.int4, docs: OID.text_array, evidence: OID.text_array,
  });
  assert.deepStrictEqual(res.rows, [
    { value: '2600000000', agreed: true, documents: 1, docs: ['nv-q1-b.txt'], evidence: ['数据中心收入为226亿美元，游戏业务收入26亿美元。'] },
    { value: '2647000000', agreed: false, documents: 1, docs: ['nv-q1-a.txt'], evidence: ['数据中心收入为230亿美元，游戏业务收入26.47亿美元。'] },
  ]);
});

const quarterlyQuery = {
  name: 'quarterly',
  text: `SELECT entity, fiscal_year, fiscal_quarter, calendar_quarter, revenue_actual, revenue_guidance,
                gross_margin_actual, data_center_revenue_actual
         FROM public.news_facts_quarterly WHERE calendar_year = $1 ORDER BY calendar_quarter, entity`,
};

test('news_facts_quarterly: a calendar year as parameter; one row per company and quarter', async () => {
  const res = await client.query({ ...quarterlyQuery, values: [2024] });
  assert.strictEqual(types(res).revenue_actual, OID.numeric);
  assert.deepStrictEqual(res.rows, [
    { entity: 'Microsoft', fiscal_year: 2024, fiscal_quarter: 4, calendar_quarter: 2, revenue_actual: '64700000000',
      revenue_guidance: null, gross_margin_actual: null, data_center_revenue_actual: null },
    { entity: 'NVIDIA', fiscal_year: 2025, fiscal_quarter: 1, calendar_quarter: 2, revenue_actual: '26010000000',
      revenue_guidance: null, gross_margin_actual: '78.4', data_center_revenue_actual: '22563000000' },
    { entity: 'NVIDIA', fiscal_year: 2025, fiscal_quarter: 2, calendar_quarter: 3, revenue_actual: null,
      revenue_guidance: '28000000000', gross_margin_actual: null, data_center_revenue_actual: null },
    { entity: 'TSMC', fiscal_year: 2024, fiscal_quarter: 3, calendar_quarter: 3, revenue_actual: '23500000000',
      revenue_guidance: null, gross_margin_actual: '57.8', data_center_revenue_actual: null },
  ]);
});

test('news_facts_articles: date parameters; bigint as string', async () => {
  const res = await client.query({
    name: 'articles',
    text: `SELECT doc, published, bytes, facts FROM public.news_facts_articles
           WHERE published BETWEEN $1 AND $2 ORDER BY doc`,
    values: ['2024-05-24', '2024-07-31'],
  });
  assert.deepStrictEqual(types(res), { doc: OID.text, published: OID.date, bytes: OID.int8, facts: OID.int4 });
  assert.deepStrictEqual(res.rows.map((r) => [r.doc, ymd(r.published), r.bytes, r.facts]), [
    ['msft-fy24q4.txt', '2024-07-31', '144', 2],
    ['nv-q1-b.txt', '2024-05-24', '212', 4],
    ['nv-q1-c.txt', '2024-05-27', '146', 2],
  ]);
});

test('nvfacts.fx_rates: readable; a rate passed as a parameter converts in the query', async () => {
  const res = await client.query({
    name: 'fx',
    text: `SELECT l.value, l.value * $2::numeric AS usd, r.currency
           FROM public.news_facts_levels l LEFT JOIN nvfacts.fx_rates r ON r.currency = l.unit
           WHERE l.entity = 'TSMC' AND l.unit = $1`,
    values: ['TWD', '0.0316'],
  });
  assert.deepStrictEqual(types(res), { value: OID.numeric, usd: OID.numeric, currency: OID.text });
  assert.deepStrictEqual(res.rows, [{ value: '759690000000', usd: '24006204000.0000', currency: null }]);
});

test('the comments BI tools show: every column of every view has one', async () => {
  const res = await client.query({
    name: 'comments',
    text: `SELECT c.relname, count(*)::int AS columns, count(col_description(c.oid, a.attnum))::int AS commented
           FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
           WHERE c.relnamespace = 'public'::regnamespace AND c.relname LIKE $1 AND c.relkind = 'v'
           GROUP BY c.relname ORDER BY c.relname`,
    values: ['news\\_facts\\_%'],
  });
  assert.deepStrictEqual(res.rows.map((r) => r.relname), ['news_facts_conflicts', 'news_facts_consensus',
    'news_facts_detail', 'news_facts_latest', 'news_facts_levels', 'news_facts_quarterly']);
  assert.ok(res.rows.every((r) => r.columns === r.commented), JSON.stringify(res.rows));
});

// ---- bad calls: SQLSTATE and message ------------------------------------------------------------------

test('extract() with a wrong argument type: 42883', async () => {
  assert.deepStrictEqual(await failure(client, { text: 'SELECT * FROM nvfacts.extract($1::int)', values: [42] }),
    { code: '42883', message: 'function nvfacts.extract(integer) does not exist' });
});

test('extract() with a date parameter that is no date: 22007', async () => {
  assert.deepStrictEqual(await failure(client, { ...extractQuery, values: ['英伟达营收260亿美元', 'next Tuesday'] }),
    { code: '22007', message: 'invalid input syntax for type date: "next Tuesday"' });
});

test('a view queried with a bad parameter: 22P02', async () => {
  assert.deepStrictEqual(await failure(client, { ...quarterlyQuery, values: ['FY2024'] }),
    { code: '22P02', message: 'invalid input syntax for type integer: "FY2024"' });
});

test('a reporting role cannot change the rates: 42501', async () => {
  assert.deepStrictEqual(await failure(client, { text: 'INSERT INTO nvfacts.fx_rates VALUES ($1, $2, $3)', values: ['TWD', '2024-09-30', 0.0316] }),
    { code: '42501', message: 'permission denied for table fx_rates' });
});

test('after the errors the connection still answers', async () => {
  const res = await client.query({ name: 'articles_count', text: 'SELECT count(*)::int AS n FROM public.news_facts_articles' });
  assert.deepStrictEqual(res.rows, [{ n: 6 }]);
});

// ---- run ------------------------------------------------------------------------------------------------

(async () => {
  console.log(`1..${cases.length}`);
  client = new Client(conn);
  try {
    await client.connect();
  } catch (e) {
    console.log(`Bail out! cannot connect to ${conn.host}:${conn.port}: ${e.code} ${e.message}`);
    process.exit(1);
  }
  for (const [i, c] of cases.entries()) {
    try {
      await c.fn();
      console.log(`ok ${i + 1} - ${c.name}`);
    } catch (e) {
      failed += 1;
      console.log(`not ok ${i + 1} - ${c.name}`);
      for (const line of String(e.stack || e).split('\n')) console.log(`#   ${line}`);
    }
  }
  await client.end();
  if (failed) console.log(`# ${failed} of ${cases.length} failed`);
  process.exit(failed ? 1 : 0);
})();
