// Browser tests of the web page: the real binary serves the demo corpus plus the XSS fixture on
// 127.0.0.1, and Playwright drives Debian's Chromium through list, search, story, citation
// pop-over and article pages. Screenshots go to $WB_ARTIFACTS (default: web/tests/artifacts).
//
// Usage: node --test browser.test.mjs   (env WB_BINARY = the wirebrief binary, WB_SOURCE_DIR = repo)
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.env.WB_SOURCE_DIR || path.resolve(here, '../..');
const binary = process.env.WB_BINARY || path.join(root, 'build/wirebrief');
const artifacts = process.env.WB_ARTIFACTS || path.join(here, 'artifacts');
const chromiumPath = process.env.WB_CHROMIUM || '/usr/bin/chromium';

let tmp, server, base, browser, page;
const dialogs = [];
const pageErrors = [];

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-web-'));
  fs.mkdirSync(artifacts, {recursive: true});
  const db = path.join(tmp, 'demo.db');
  // Watchlists first, so the run reports what they match (the page's Watchlists section).
  for (const [name, query] of [['port-strike', '"port strike" OR dockworkers'], ['quarry', 'Quarry'], ['quiet', 'nothing-matches-this']])
    execFileSync(binary, ['watchlist', 'add', '--db', db, name, query], {stdio: ['ignore', 'ignore', 'inherit']});
  execFileSync(binary, ['run', '-q', '--db', db, path.join(root, 'data/demo'),
    path.join(root, 'tests/fixtures/server/xss'), path.join(root, 'tests/fixtures/web/scripts')], {stdio: ['ignore', 'ignore', 'inherit']});
  server = spawn(binary, ['serve', '--db', db, '--port', '0'], {stdio: ['ignore', 'pipe', 'pipe']});
  base = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + err)), 15000);
    server.stderr.on('data', (d) => {
      err += d;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({viewport: {width: 1200, height: 900}});
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  if (tmp) fs.rmSync(tmp, {recursive: true, force: true});
});

async function open(hash) {
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction((h) => document.getElementById('app').dataset.ready === h, hash || '#/');
}

async function shot(name) { await page.screenshot({path: path.join(artifacts, name + '.png'), fullPage: true}); }

test('the story list shows every story with outlet counts and time span', async () => {
  await open('#/');
  const api = await (await fetch(`${base}/v1/stories?limit=200`)).json();
  const rows = page.locator('ul.stories li.story');
  assert.equal(await rows.count(), api.stories.length);
  const first = api.stories[0];
  const row = page.locator(`li.story[data-id="${first.id}"]`);
  assert.equal(await row.locator('a.story-title').textContent(), first.title);
  const meta = await row.locator('.counts').textContent();
  assert.match(meta, new RegExp(`${first.outlet_count} outlets? · ${first.independent_outlets} independent`));
  assert.ok(meta.includes(first.first_published.slice(0, 10)), meta);
  await shot('1-story-list');
});

test('searching the list narrows it to matching stories', async () => {
  await open('#/');
  await page.fill("input[name=q]", "\"Quarry Road\"");
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => document.getElementById("app").dataset.ready.includes("Quarry"));
  const titles = await page.locator('li.story a.story-title').allTextContents();
  assert.equal(titles.length, 1, titles.join(' | '));
  assert.ok(titles[0].includes('Quarry Road bridge'));
  await shot('2-story-search');
});

test('a story page shows the brief and a citation pop-over with the cited sentence', async () => {
  await open('#/');
  const api = await (await fetch(`${base}/v1/stories?limit=200`)).json();
  const target = api.stories.find((s) => s.article_count > 2);
  await page.click(`li.story[data-id="${target.id}"] a.story-title`);
  await page.waitForFunction((id) => document.getElementById('app').dataset.ready === '#/story/' + id, target.id);
  const story = await (await fetch(`${base}/v1/stories/${target.id}`)).json();
  const line = story.brief.lines.find((l) => l.section === 'lede' && l.citations.length);
  assert.ok(line, 'the brief has a cited lede');
  await page.locator('.line[data-section=lede]').first().hover();
  const pop = page.locator('#popover');
  await pop.waitFor({state: 'visible'});
  const quote = await pop.locator('.cite blockquote').first().textContent();
  assert.equal(quote, line.citations[0].sentence);
  assert.ok((await pop.locator('.src').first().textContent()).includes(line.citations[0].outlet));
  await shot('3-story-popover');
  // Tapping pins the pop-over; its "in context" link opens the article with the sentence marked.
  await page.locator('.line[data-section=lede]').first().click();
  await pop.locator('a', {hasText: 'in context'}).first().click();
  await page.waitForFunction(() => document.getElementById('app').dataset.ready.startsWith('#/article/'));
  assert.equal(await page.locator('mark.cited').textContent(), line.citations[0].sentence);
  assert.ok(await page.locator('mark.ent').count() > 0, 'entities are highlighted');
  // Issue 29: the metadata table stays inside the window (its right edge was at 1406 px of 1280).
  const edge = await page.evaluate(() => {
    const table = document.querySelector('table.meta-table').getBoundingClientRect();
    return {right: table.right, width: document.documentElement.clientWidth,
            scroll: document.documentElement.scrollWidth};
  });
  assert.ok(edge.right <= edge.width, `metadata table ends at ${edge.right} px in a ${edge.width} px window`);
  assert.ok(edge.scroll <= edge.width, 'no sideways scroll on the article page');
  await shot('4-article');
  // A provenance line is a file path with no break opportunity; a checkout's own path length
  // decided whether it ran past the window (CI failed where this machine passed). Every
  // article of the story must fit.
  for (const a of story.articles) {
    await open('#/article/' + encodeURIComponent(a.id));
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    assert.ok(fits, `no sideways scroll on article ${a.id}`);
  }
});

test('the timeline and copy-family groups are shown', async () => {
  const api = await (await fetch(`${base}/v1/stories?limit=200`)).json();
  for (const s of api.stories) {
    const story = await (await fetch(`${base}/v1/stories/${s.id}`)).json();
    if (!story.brief.lines.some((l) => l.section === 'timeline')) continue;
    await open('#/story/' + s.id);
    assert.ok(await page.locator('ol.timeline li').count() > 0);
    const listed = await page.locator('.families .family li').count();
    assert.equal(listed, story.articles.length);
    // Every article after the first says why it joined (the schema's "attachments").
    assert.equal(story.schema_version, 2);
    assert.equal(await page.locator('.families .joined').count(), story.attachments.length);
    return;
  }
  assert.fail('no story has a timeline');
});

test('conflicting figures are highlighted with each outlet\'s value', async () => {
  const api = await (await fetch(`${base}/v1/stories?limit=200`)).json();
  for (const s of api.stories) {
    const story = await (await fetch(`${base}/v1/stories/${s.id}`)).json();
    const conflicts = story.brief.lines.filter((l) => l.conflict);
    if (!conflicts.length) continue;
    await open('#/story/' + s.id);
    const shown = page.locator('.line.conflict');
    assert.equal(await shown.count(), conflicts.length);
    const values = await shown.first().locator('.values').textContent();
    for (const c of conflicts[0].citations) {
      const fig = c.figures.find((f) => f.unit === conflicts[0].label);
      if (fig) assert.ok(values.includes(`${c.outlet}: ${fig.text}`), `${values} lacks ${c.outlet}: ${fig.text}`);
    }
    await shown.first().scrollIntoViewIfNeeded();
    await shown.first().hover();
    await shot('8-conflict');
    return;
  }
  assert.fail('no story in the demo has a conflicting figure');
});

test('hostile article text renders inert', async () => {
  await open("#/?q=Quarry");
  const title = page.locator('li.story a.story-title').first();
  assert.ok((await title.textContent()).startsWith("<script>window.__xss = 'title'</script>"));
  await title.click();
  await page.waitForFunction(() => document.getElementById('app').dataset.ready.startsWith('#/story/'));
  // Issue 29: one article from one outlet, in the singular.
  assert.match(await page.locator('p.counts').first().textContent(), /^1 article from 1 outlet, 1 independent/);
  await page.locator('.line').first().hover();
  await shot('5-xss-story');
  const articleId = await page.locator('.families a').first().getAttribute('href');
  await open(articleId);
  await shot('6-xss-article');
  const text = await page.locator('main').textContent();
  assert.ok(text.includes('Dana "Quotes" O\'Reilly" onmouseover="window.__xss=true'), 'author shown as text');
  assert.ok(text.includes('<img src=x onerror="window.__xss=\'body\'">'), 'markup in the body shown as text');
  // No element came from the data: no script beyond ours, no img, no on* attribute, no javascript: link.
  const report = await page.evaluate(() => ({
    xss: window.__xss,
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    imgs: document.images.length,
    handlers: [...document.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
    badLinks: [...document.querySelectorAll('a')].filter((a) => !/^(https?:|#\/|\/v1\/)/.test(a.getAttribute('href') || '')).length,
  }));
  assert.deepEqual(report, {xss: undefined, scripts: ['/app.js'], imgs: 0, handlers: 0, badLinks: 0});
  // The javascript: page URL is shown as plain text, not as a link.
  assert.equal(await page.locator('a', {hasText: 'original page'}).count(), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

test('the Watchlists section lists each watchlist with its recent events and feeds', async () => {
  await open('#/');
  await page.click('nav a[href="#/watchlists"]');
  await page.waitForFunction(() => document.getElementById('app').dataset.ready === '#/watchlists');
  const {watchlists} = await (await fetch(`${base}/v1/watchlists`)).json();
  assert.deepEqual(await page.locator('section.watchlist h2').allTextContents(), watchlists.map((w) => w.name));
  const strike = page.locator('section.watchlist[data-name="port-strike"]');
  assert.equal(await strike.locator('code.query').textContent(), '"port strike" OR dockworkers');
  const {events} = await (await fetch(`${base}/v1/watchlists/port-strike/events?limit=10`)).json();
  assert.ok(events.length > 0, 'the run made events for port-strike');
  const rows = strike.locator('li.event');
  assert.equal(await rows.count(), events.length);
  const first = rows.first();
  assert.equal(await first.getAttribute('data-kind'), events[0].kind);
  assert.equal(await first.locator('a.event-story').textContent(), events[0].headline);
  assert.equal(await first.locator('time').getAttribute('datetime'), events[0].at);
  // The first five new lines, and a link to the story for the rest.
  const shown = Math.min(events[0].lines.length, 5);
  assert.ok(shown > 0, 'a new story brings its brief');
  assert.equal(await first.locator('ul.event-lines > li:not(.more)').count(), shown);
  const lines = await first.locator('ul.event-lines > li:not(.more)').allTextContents();
  for (let i = 0; i < shown; ++i) assert.ok(lines[i].includes(events[0].lines[i].text), `${lines[i]} lacks ${events[0].lines[i].text}`);
  if (events[0].lines.length > 5) {
    assert.equal(await first.locator('li.more a').textContent(), `${events[0].lines.length - 5} more new lines in the story`);
  }
  // Both feeds are linked and served.
  for (const [suffix, type] of [['feed.atom', 'application/atom+xml'], ['feed.json', 'application/feed+json']]) {
    const href = await strike.locator(`.feeds a[href$="${suffix}"]`).getAttribute('href');
    assert.equal(href, `/v1/watchlists/port-strike/${suffix}`);
    const res = await fetch(base + href);
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('content-type').startsWith(type));
  }
  assert.ok((await page.locator('section.watchlist[data-name="quiet"]').textContent()).includes('No events yet'));
  // The XSS fixture's story matches "quarry": its headline is shown as text, nothing runs.
  const quarry = await page.locator('section.watchlist[data-name="quarry"] a.event-story').first().textContent();
  assert.ok(quarry.startsWith('<script>'), quarry);
  const report = await page.evaluate(() => ({
    xss: window.__xss,
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    imgs: document.images.length,
    handlers: [...document.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
  }));
  assert.deepEqual(report, {xss: undefined, scripts: ['/app.js'], imgs: 0, handlers: 0});
  await page.setViewportSize({width: 1280, height: 900});
  await shot('9-watchlists-1280');
  await page.setViewportSize({width: 390, height: 844});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at phone width`);
  await shot('10-watchlists-phone');
  await page.screenshot({path: path.join(artifacts, '10-watchlists-phone-top.png')});
  // The headline opens the story.
  await first.locator('a.event-story').click();
  await page.waitForFunction((id) => document.getElementById('app').dataset.ready === '#/story/' + id, events[0].story_id);
  await page.setViewportSize({width: 1200, height: 900});
  assert.deepEqual(pageErrors, []);
});

// Whether Chromium drew `sample` (found in the page) with a font that has its glyphs: the
// fonts it reports for the innermost element holding the sample (DevTools' platform fonts)
// against the fonts fontconfig says cover each of its characters. A missing font is drawn with
// the page's Latin font as boxes, which no pixel or width check tells apart reliably.
async function drawnWithCoveringFonts(sample) {
  const marked = await page.evaluate((t) => {
    const hits = [...document.querySelectorAll('main *')].filter((n) => n.textContent.includes(t));
    const inner = hits.filter((n) => ![...n.children].some((c) => c.textContent.includes(t)));
    if (inner.length) inner[0].setAttribute('data-font-probe', t);
    return inner.length > 0;
  }, sample);
  assert.ok(marked, `the page shows ${sample}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const {root} = await cdp.send('DOM.getDocument');
  const {nodeId} = await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector: `[data-font-probe="${sample}"]`});
  const {fonts} = await cdp.send('CSS.getPlatformFontsForNode', {nodeId});
  await cdp.detach();
  const used = fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
  const missing = [...sample].filter((ch) => ch.trim()).filter((ch) => {
    const covering = execFileSync('fc-list', [`:charset=${ch.codePointAt(0).toString(16)}`, 'family'], {encoding: 'utf8'})
      .split('\n').flatMap((l) => l.split(',')).map((f) => f.trim()).filter(Boolean);
    return !used.some((f) => covering.includes(f));
  });
  return {used, missing};
}

test('story and article pages at 1280 px and at phone width; CJK text drawn, not boxes', async () => {
  const api = await (await fetch(`${base}/v1/stories?limit=200`)).json();
  const target = api.stories.find((s) => s.article_count > 2);
  const story = await (await fetch(`${base}/v1/stories/${target.id}`)).json();
  const cjk = api.stories.find((s) => s.title.startsWith('港湾议会'));
  assert.ok(cjk, 'the CJK fixture is a story');
  const cjkStory = await (await fetch(`${base}/v1/stories/${cjk.id}`)).json();
  const pages = [['story', '#/story/' + target.id], ['article', '#/article/' + encodeURIComponent(story.articles[0].id)],
    ['cjk-article', '#/article/' + encodeURIComponent(cjkStory.articles[0].id)]];
  let n = 11;
  for (const [width, label] of [[1280, '1280'], [390, 'phone']]) {
    await page.setViewportSize({width, height: width === 390 ? 844 : 900});
    for (const [name, hash] of pages) {
      await open(hash);
      await page.mouse.move(0, 0);  // no pop-over left open by an earlier hover
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the ${name} page scrolls sideways by ${overflow}px at ${width}px`);
      await shot(`${n}-${name}-${label}`);
      // The first screen as well: a long page's full shot is too small to read at phone width.
      if (width === 390) await page.screenshot({path: path.join(artifacts, `${n}-${name}-${label}-top.png`)});
      n++;
    }
  }
  // Chinese, Japanese and Korean from the fixture page, in the page's fonts.
  const text = await page.locator('main').textContent();
  for (const sample of ['港湾议会批准', '日本語の表示', '한국어 안내도']) {
    assert.ok(text.includes(sample), `the article shows ${sample}`);
    const {used, missing} = await drawnWithCoveringFonts(sample);
    assert.deepEqual(missing, [], `${sample} is drawn as boxes in ${used.join(', ')}: install fonts-noto-cjk`);
  }
  await page.setViewportSize({width: 1200, height: 900});
  assert.deepEqual(pageErrors, []);
});

test('the article search page marks matched words', async () => {
  await open('#/search?q=evacuated');
  const hits = page.locator('ul.hits li');
  assert.ok(await hits.count() > 0);
  assert.equal((await hits.first().locator('mark').first().textContent()).toLowerCase(), 'evacuated');
  await shot('7-article-search');
});
