// Peer: Mozilla Readability.js on linkedom's DOM. Reads every page first, then times parse +
// extraction per page; writes {"id","text"} lines to argv[2] and "docs_per_s N" to stdout.
// Block elements end with a line break so words do not glue across paragraphs.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const [listFile, outFile, idFrom] = process.argv.slice(2);
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const pages = files.map((f) => [idFrom === 'dir' ? basename(dirname(f)) : basename(f, '.html'), readFileSync(f, 'utf8')]);
const BLOCKS = 'p,div,li,h1,h2,h3,h4,h5,h6,tr,blockquote,pre,section,article,br,dd,dt,figcaption';
const out = [];
const t0 = process.hrtime.bigint();
for (const [id, html] of pages) {
  let text = '';
  try {
    const { document } = parseHTML(html);
    const art = new Readability(document).parse();
    if (art && art.content) {
      const { document: d } = parseHTML(`<html><body>${art.content}</body></html>`);
      for (const el of d.querySelectorAll(BLOCKS)) el.after(d.createTextNode('\n'));
      text = d.body.textContent;
    }
  } catch (e) { text = ''; }
  out.push(JSON.stringify({ id, text }));
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
writeFileSync(outFile, out.join('\n') + '\n');
console.log(`docs_per_s ${(pages.length / secs).toFixed(1)}`);
