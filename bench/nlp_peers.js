// Peer readers for bench/nlp_peers.sh: node nlp_peers.js compromise|wink INPUT.jsonl > PRED.jsonl
// Writes the nlp kit's prediction format with code point offsets; prints tokens/s on stderr
// (model loading excluded).
const fs = require('fs');
const [peer, input] = process.argv.slice(2);
const docs = fs.readFileSync(input, 'utf8').split('\n').filter(Boolean).map(JSON.parse);

// UTF-16 index -> code point index.
function cpMap(text) {
  const m = new Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    m[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff)) cp++;
  }
  m[text.length] = cp;
  return m;
}

let read;
if (peer === 'compromise') {
  const nlp = require('compromise');
  nlp.plugin(require('compromise-dates'));
  nlp.plugin(require('compromise-numbers'));
  read = (d) => {
    const doc = nlp(d.text);
    const ents = [];
    const add = (view, type) => {
      for (const o of view.json({ offset: true })) ents.push({ s: o.offset.start, e: o.offset.start + o.offset.length, type });
    };
    add(doc.people(), 'PER');
    add(doc.organizations(), 'ORG');
    add(doc.places(), 'LOC');
    const timex = [];
    const opts = d.dct ? { today: d.dct } : {};
    for (const o of doc.dates(opts).json({ offset: true })) {
      const v = o.dates && o.dates.start ? String(o.dates.start).slice(0, 10) : '';
      timex.push({ s: o.offset.start, e: o.offset.start + o.offset.length, value: v });
    }
    const quotes = doc.quotations().json({ offset: true }).map((o) => ({ s: o.offset.start, e: o.offset.start + o.offset.length }));
    const sentences = doc.sentences().json({ offset: true }).map((o) => [o.offset.start, o.offset.start + o.offset.length]);
    const quantities = doc.numbers().json().map((o) => ({ value: o.number && o.number.num, unit: (o.number && o.number.unit) || '' }));
    return { ents, timex, quotes, sentences, quantities };
  };
} else {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  read = (d) => {
    const doc = nlp.readDoc(d.text);
    const sentences = [];
    let pos = 0;
    doc.sentences().each((s) => {
      const t = s.out();
      const at = d.text.indexOf(t, pos);
      if (at >= 0) { sentences.push([at, at + t.length]); pos = at + t.length; }
    });
    const timex = [];
    pos = 0;
    doc.entities().each((e) => {
      const dt = e.out(its.detail);
      const at = d.text.indexOf(dt.value, pos);
      if (at < 0) return;
      pos = at + dt.value.length;
      if (dt.type === 'DATE') timex.push({ s: at, e: at + dt.value.length, value: '' });
    });
    return { ents: null, timex, quotes: null, sentences, quantities: null };
  };
}

let tokens = 0;
const t0 = process.hrtime.bigint();
const outs = docs.map((d) => { tokens += d.text.split(/\s+/).filter(Boolean).length; return read(d); });
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
docs.forEach((d, i) => {
  const cm = cpMap(d.text);
  const m = new Proxy(cm, { get: (a, k) => a[Math.max(0, Math.min(Number(k) || 0, d.text.length))] });
  const r = outs[i];
  const o = { id: d.id, sentences: r.sentences.map(([s, e]) => [m[s], m[e]]), timex: r.timex.map((x) => ({ start: m[x.s], end: m[x.e], value: x.value })) };
  if (r.ents) o.entities = r.ents.map((x) => ({ start: m[x.s], end: m[x.e], type: x.type }));
  if (r.quotes) o.quotes = r.quotes.map((x) => ({ start: m[x.s], end: m[x.e] }));
  if (r.quantities) o.quantities = r.quantities;
  process.stdout.write(JSON.stringify(o) + '\n');
});
process.stderr.write(`${Math.round(tokens / secs)} tokens/s (loading excluded)`);
