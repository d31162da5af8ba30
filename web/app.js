// wirebrief web page: plain JS, no build step. Every piece of article-derived text reaches the
// page through textContent (the el() helper below); nothing here assigns innerHTML, and links
// to outside pages are kept only when they are http(s).
'use strict';

const app = document.getElementById('app');
const popover = document.getElementById('popover');
const SECTION_TITLES = {
  lede: '', why_it_matters: 'Why it matters', stakeholder: 'Stakeholders', whats_next: "What's next",
  key_figure: 'Key figures', timeline: 'Timeline', source: 'Sources',
};

// el('a', {href: '#/x', class: 'y'}, 'text', child) builds an element; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'href' && !isSafeHref(v)) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function isSafeHref(href) {
  if (typeof href !== 'string') return false;
  if (href.startsWith('#/') || href.startsWith('/v1/')) return true;
  return externalUrl(href) !== null;
}

// An outside URL we are willing to link: http(s) only (no javascript:, data:, ...).
function externalUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

function externalLink(url, text) {
  const href = externalUrl(url || '');
  if (!href) return el('span', {class: 'muted', title: 'no usable link'}, text);
  return el('a', {href, rel: 'noopener noreferrer nofollow', target: '_blank'}, text);
}

function day(iso) { return (iso || '').slice(0, 10); }
function when(iso) { return (iso || '').replace('T', ' ').slice(0, 16); }
function span(first, last) {
  const a = day(first), b = day(last);
  if (!a && !b) return 'date unknown';
  return a === b || !b ? a : `${a} – ${b}`;
}

async function api(path) {
  const res = await fetch(path, {headers: {Accept: 'application/json'}});
  const body = await res.json().catch(() => ({error: {message: `HTTP ${res.status}`}}));
  if (!res.ok) throw new Error((body.error && body.error.message) || `HTTP ${res.status}`);
  return body;
}

function show(...nodes) {
  hidePopover(true);
  app.replaceChildren(...nodes);
}

function showError(e) { show(el('p', {class: 'error', role: 'alert'}, String(e.message || e))); }

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  return {parts: path.split('/').filter(Boolean).map(decodeURIComponent), params};
}

// ---- Story list ----

async function renderStories(params) {
  const q = params.get('q') || '', since = params.get('since') || '', until = params.get('until') || '';
  const outlet = params.get('outlet') || '';
  const form = el('form', {class: 'filters', role: 'search'},
    el('label', {}, 'Search stories', el('input', {name: 'q', type: 'search', value: q, placeholder: '"exact phrase" OR -word'})),
    el('label', {}, 'From', el('input', {name: 'since', type: 'date', value: since})),
    el('label', {}, 'To', el('input', {name: 'until', type: 'date', value: until})),
    el('label', {}, 'Outlet', el('input', {name: 'outlet', value: outlet, list: 'outlet-list'})),
    el('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const name of ['q', 'since', 'until', 'outlet']) {
      const v = form.elements[name].value.trim();
      if (v) p.set(name, v);
    }
    location.hash = '#/?' + p.toString();
  });
  const list = el('ul', {class: 'stories'});
  const outlets = el('datalist', {id: 'outlet-list'});
  const more = el('button', {class: 'secondary', type: 'button', hidden: true}, 'More stories');
  const status = el('p', {class: 'muted'}, 'Loading…');
  show(el('h1', {}, 'Stories'), form, outlets, status, list, more);
  const seen = new Set();
  let cursor = null;
  async function load() {
    const p = new URLSearchParams({limit: '30'});
    for (const [k, v] of [['q', q], ['since', since], ['until', until], ['outlet', outlet]]) if (v) p.set(k, v);
    if (cursor) p.set('cursor', cursor);
    const page = await api('/v1/stories?' + p.toString());
    for (const s of page.stories) {
      list.append(storyItem(s));
      for (const o of s.outlets) if (o && !seen.has(o)) { seen.add(o); outlets.append(el('option', {value: o})); }
    }
    cursor = page.next_cursor;
    more.hidden = !cursor;
    status.textContent = list.children.length ? `${list.children.length} stories shown` : 'No stories match.';
  }
  more.addEventListener('click', () => load().catch(showError));
  await load();
}

function storyItem(s) {
  return el('li', {class: 'story', 'data-id': s.id},
    el('a', {class: 'story-title', href: '#/story/' + encodeURIComponent(s.id)}, s.title || '(untitled)'),
    el('div', {class: 'meta counts'},
      el('strong', {}, String(s.outlet_count)), s.outlet_count === 1 ? ' outlet · ' : ' outlets · ',
      el('strong', {}, String(s.independent_outlets)), ' independent · ',
      `${s.article_count} article${s.article_count === 1 ? '' : 's'} · `,
      el('time', {datetime: s.first_published}, span(s.first_published, s.last_published))),
    // An empty name is an outlet the article does not state (pasted text).
    el('div', {class: 'meta'}, s.outlets.map(o => o || 'unknown outlet').join(', ')));
}

// ---- Story page ----

// "de" -> "German" where the browser knows the language's name, else the code itself.
function languageName(code) {
  try {
    return new Intl.DisplayNames(['en'], {type: 'language'}).of(code) || code;
  } catch (e) {
    return code;
  }
}

function notReadLine(codes) {
  return `Figures, dates and names are not read in ${codes.map(languageName).join(', ')}: ` +
    'the lines from those articles are their sentences alone.';
}

async function renderStory(id) {
  const s = await api('/v1/stories/' + encodeURIComponent(id));
  const nodes = [el('p', {class: 'muted'}, el('a', {href: '#/'}, '← Stories')),
    el('h1', {}, s.brief.headline || s.title),
    el('p', {class: 'meta counts'}, el('strong', {}, String(s.article_count)),
      s.article_count === 1 ? ' article from ' : ' articles from ',
      el('strong', {}, String(s.outlet_count)), s.outlet_count === 1 ? ' outlet, ' : ' outlets, ',
      el('strong', {}, String(s.independent_outlets)),
      ' independent · ', span(s.first_published, s.last_published),
      s.brief_version > 1 ? ` · brief version ${s.brief_version}` : '')];
  // An id for life: a bookmarked story that was merged into another opens the survivor.
  if (s.merged_from) nodes.push(el('p', {class: 'muted'}, `Story ${s.merged_from} was merged into this story.`));
  // Articles in a language the reader does not read gave sentences only: said, so a missing
  // figure or stakeholder reads as not read rather than as not there.
  if ((s.brief.languages_not_read || []).length)
    nodes.push(el('p', {class: 'muted not-read'}, notReadLine(s.brief.languages_not_read)));
  const brief = el('section', {class: 'brief'});
  let current = null, list = null;
  for (const line of s.brief.lines) {
    if (line.section === 'timeline' || line.section === 'source') continue;
    if (line.section !== current) {
      current = line.section;
      if (SECTION_TITLES[current]) brief.append(el('h2', {}, SECTION_TITLES[current]));
      list = el(current === 'lede' ? 'div' : 'ul', {class: 'section-' + current});
      brief.append(list);
    }
    list.append(briefLine(line, current === 'lede' ? 'p' : 'li'));
  }
  nodes.push(brief);
  const timeline = s.brief.lines.filter((l) => l.section === 'timeline');
  if (timeline.length) {
    nodes.push(el('h2', {}, 'Timeline'));
    nodes.push(el('ol', {class: 'timeline'}, timeline.map((l) => {
      const li = briefLine(l, 'li', true);
      li.prepend(el('time', {datetime: l.label || ''}, l.label || ''));
      return li;
    })));
  }
  nodes.push(el('h2', {}, 'Sources by copy family'), sourcesByFamily(s));
  show(...nodes);
}

// One brief line; hovering, focusing or tapping it shows the sentences it cites.
function briefLine(line, tag, noLabel) {
  const node = el(tag, {class: 'line' + (line.conflict ? ' conflict' : ''), tabindex: '0', 'data-section': line.section});
  if (line.label && !noLabel) node.append(el('span', {class: 'label'}, line.label + ': '));
  node.append(el('span', {class: 'text'}, line.text));
  if (line.compressed) node.append(el('span', {class: 'badge', title: 'Shortened from the cited sentence (attribution and asides cut)'}, 'shortened'));
  if (line.citations.length) node.append(el('span', {class: 'cites'}, line.citations.map((c) => `[${c.n}]`).join('')));
  if (line.conflict) {
    node.append(el('span', {class: 'conflict-note'}, '⚠ outlets disagree'));
    node.append(el('div', {class: 'values'}, line.citations.map((c) => {
      const fig = (c.figures || []).find((f) => !line.label || f.unit === line.label) || (c.figures || [])[0];
      return el('span', {}, (c.outlet || 'unknown outlet') + ': ', el('span', {class: 'v'}, fig ? fig.text : '?'));
    })));
  }
  node.addEventListener('mouseenter', () => showPopover(node, line, false));
  node.addEventListener('mouseleave', () => hidePopover(false));
  node.addEventListener('focus', () => showPopover(node, line, false));
  node.addEventListener('click', (ev) => {
    if (ev.target.closest('a')) return;
    showPopover(node, line, true);
  });
  return node;
}

let pinned = null;

function showPopover(anchor, line, pin) {
  if (pinned && !pin && pinned !== anchor) return;
  pinned = pin ? anchor : pinned;
  document.querySelectorAll('.line.active').forEach((n) => n.classList.remove('active'));
  anchor.classList.add('active');
  const items = line.citations.map((c) => el('div', {class: 'cite', 'data-n': c.n},
    el('blockquote', {}, c.missing ? '(article no longer stored)' : c.sentence),
    el('div', {class: 'src'}, `[${c.n}] `, el('strong', {}, c.outlet || 'unknown outlet'), ' · ', when(c.date_published), ' · ',
      el('a', {href: `#/article/${encodeURIComponent(c.article_id)}?hl=${c.char_start}-${c.char_end}`}, 'in context'),
      ' · ', externalLink(c.url, 'original'))));
  popover.replaceChildren(...(items.length ? items : [el('p', {class: 'muted'}, 'This line cites no article.')]));
  popover.hidden = false;
  const r = anchor.getBoundingClientRect();
  const left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8));
  popover.style.left = left + 'px';
  popover.style.top = (window.scrollY + r.bottom + 6) + 'px';
}

function hidePopover(force) {
  if (pinned && !force) return;
  pinned = null;
  popover.hidden = true;
  document.querySelectorAll('.line.active').forEach((n) => n.classList.remove('active'));
}

document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') hidePopover(true); });
document.addEventListener('click', (ev) => {
  if (pinned && !ev.target.closest('.line') && !ev.target.closest('#popover')) hidePopover(true);
});

// Why an article joined the story (schema_version 2's "attachments"): the text it copies, or
// its similarity and the terms it shares; the story's first article has none.
function joinedBecause(why, byId) {
  if (!why) return null;
  const text = why.reason === 'copy'
    ? `copy of ${(byId.get(why.copy_of) || {}).outlet || why.copy_of} (${why.score.toFixed(2)} of its text shared)`
    : `similarity ${why.score.toFixed(2)}` + (why.shared_terms.length ? `, shared: ${why.shared_terms.join(', ')}` : '');
  return el('span', {class: 'meta joined', title: 'Why this article is part of the story'}, ' · ' + text);
}

function sourcesByFamily(s) {
  const byId = new Map(s.articles.map((a) => [a.id, a]));
  const why = new Map((s.attachments || []).map((w) => [w.article_id, w]));
  const groups = s.copy_families.map((f) => ({family: f.family, ids: f.articles.map((a) => a.id)}));
  const own = s.articles.filter((a) => a.family === null || a.family === undefined).map((a) => a.id);
  if (own.length) groups.push({family: null, ids: own});
  const box = el('div', {class: 'families'});
  for (const g of groups) {
    const title = g.family === null ? `Own text: ${g.ids.length} article${g.ids.length === 1 ? '' : 's'} not republished elsewhere here`
      : `Copy family ${g.family + 1}: the same text in ${g.ids.length} articles`;
    box.append(el('div', {class: 'family'}, el('h3', {}, title), el('ul', {}, g.ids.map((id, i) => {
      const a = byId.get(id) || {id, missing: true};
      return el('li', {}, el('strong', {}, a.outlet || 'unknown outlet'), ' — ',
        el('a', {href: '#/article/' + encodeURIComponent(id)}, a.title || '(article no longer stored)'),
        ' ', el('span', {class: 'meta'}, when(a.date_published)), joinedBecause(why.get(id), byId),
        g.family !== null && i === 0 ? el('span', {class: 'badge'}, 'original') : null,
        a.headline_only ? el('span', {class: 'badge', title: 'Only the headline is known: the page was not fetched (yet)'}, 'headline only') : null);
    }))));
  }
  return box;
}

// ---- Article page ----

const enc = new TextEncoder(), dec = new TextDecoder();

// Spans are UTF-8 byte offsets; JS strings are UTF-16, so the text is cut as bytes.
function renderText(text, entities, cited) {
  const bytes = enc.encode(text);
  const marks = entities.map((e) => ({b: e.char_start, e: e.char_end, cls: 'ent ent-' + e.type, title: e.type + (e.role ? ': ' + e.role : '')}));
  if (cited) marks.push({b: cited[0], e: cited[1], cls: 'cited', title: 'cited in the brief'});
  marks.sort((x, y) => x.b - y.b || y.e - x.e);
  const body = el('article', {class: 'text'});
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const p = el('p', {});
    let pos = start;
    for (const m of marks) {
      if (m.b < pos || m.b >= end || m.e > end || m.e <= m.b) continue;
      p.append(dec.decode(bytes.subarray(pos, m.b)));
      p.append(el('mark', {class: m.cls, title: m.title}, dec.decode(bytes.subarray(m.b, m.e))));
      pos = m.e;
    }
    p.append(dec.decode(bytes.subarray(pos, end)));
    if (p.textContent.trim()) body.append(p);
    start = end + 1;
  }
  return body;
}

async function renderArticle(id, params) {
  const a = await api('/v1/articles/' + encodeURIComponent(id));
  const hl = /^(\d+)-(\d+)$/.exec(params.get('hl') || '');
  const sources = a.field_sources || {};
  const rows = [['Outlet', a.outlet, sources.site_name], ['Authors', (a.authors || []).join(', '), sources.authors],
    ['Published', a.date_published, sources.date_published], ['Modified', a.date_modified, sources.date_modified],
    ['Section', a.section, sources.section], ['Language', a.language, sources.language],
    ['Wire credit', (a.wire || []).join(', '), sources.wire], ['Description', a.description, sources.description],
    ['Canonical URL', a.canonical_url, sources.canonical_url], ['Title', a.title, sources.title]];
  const table = el('table', {class: 'meta-table'}, el('tr', {}, el('th', {}, 'Field'), el('th', {}, 'Value'), el('th', {}, 'From')),
    rows.filter((r) => r[1]).map((r) => el('tr', {}, el('td', {}, r[0]), el('td', {}, r[1]), el('td', {class: 'source'}, r[2] || '—'))));
  const prov = el('ul', {class: 'provenance meta'}, (a.provenance || []).map((p) => el('li', {},
    `${p.source} (${p.container}${p.length ? `, bytes ${p.offset}+${p.length}` : ''}${p.record_id ? ', ' + p.record_id : ''}${p.crawl_date ? ', crawled ' + p.crawl_date : ''})`)));
  const captions = el('aside', {class: 'captions'}, el('h2', {}, 'Captions'),
    a.captions.length ? a.captions.map((c) => el('figure', {}, el('figcaption', {}, c.text, c.credit ? el('span', {class: 'credit'}, c.credit) : null)))
      : el('p', {class: 'muted'}, 'None.'));
  const legend = el('p', {class: 'legend meta'}, ['person', 'organization', 'country', 'place'].map((t) => el('mark', {class: 'ent ent-' + t}, t)));
  show(el('p', {class: 'muted'}, el('a', {href: '#/'}, '← Stories')),
    el('h1', {}, a.title || '(untitled)'),
    el('p', {class: 'meta'}, a.outlet || 'unknown outlet', ' · ', when(a.date_published), (a.authors || []).length ? ' · by ' + a.authors.join(', ') : '',
      ' · ', externalLink(a.url, 'original page')),
    ...(a.language_not_read ? [el('p', {class: 'muted not-read'}, notReadLine([a.language_not_read]))] : []),
    el('div', {class: 'layout'},
      el('div', {}, legend, renderText(a.text || '', a.entities || [], hl ? [Number(hl[1]), Number(hl[2])] : null)),
      el('div', {}, captions, el('h2', {}, 'Metadata'), table, el('h2', {}, 'Provenance'), prov)));
  const cited = app.querySelector('mark.cited');
  if (cited) cited.scrollIntoView({block: 'center'});
}

// ---- Article search ----

async function renderSearch(params) {
  const q = params.get('q') || '';
  const form = el('form', {class: 'filters', role: 'search'},
    el('label', {}, 'Search articles', el('input', {name: 'q', type: 'search', value: q, placeholder: '"phrase" OR word -word outlet: lang: since:'})),
    el('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = '#/search?' + new URLSearchParams({q: form.elements.q.value.trim()}).toString();
  });
  const list = el('ul', {class: 'hits'});
  const status = el('p', {class: 'muted'}, q ? 'Searching…' : 'Type a query.');
  const feeds = q ? el('p', {class: 'meta'}, 'This search as a feed: ',
    el('a', {href: '/v1/search.atom?' + new URLSearchParams({q})}, 'Atom'), ' · ',
    el('a', {href: '/v1/search.json?' + new URLSearchParams({q})}, 'JSON Feed')) : null;
  show(el('h1', {}, 'Search articles'), form, status, list, feeds);
  if (!q) return;
  const page = await api('/v1/search?' + new URLSearchParams({q, limit: '50'}));
  for (const h of page.hits) {
    list.append(el('li', {},
      el('a', {class: 'story-title', href: '#/article/' + encodeURIComponent(h.id)}, h.title || '(untitled)'),
      el('div', {class: 'meta'}, h.outlet || 'unknown outlet', ' · ', when(h.date_published), h.language ? ' · ' + h.language : ''),
      el('div', {class: 'snippet'}, h.snippet.map((s) => (s.hit ? el('mark', {}, s.text) : s.text)))));
  }
  status.textContent = page.hits.length ? `${page.hits.length}${page.next_cursor ? '+' : ''} articles` : 'No articles match.';
  // A common term: the server ranked its newest matches only; say so rather than imply more.
  if (page.ranked_newest) status.textContent += ` (best of the newest ${page.ranked_newest} matches first)`;
}

// ---- Watchlists ----

const EVENT_KINDS = {new: 'new story', grew: 'new outlet', revised: 'brief revised'};

async function renderWatchlists() {
  const {watchlists} = await api('/v1/watchlists');
  const nodes = [el('h1', {}, 'Watchlists'),
    el('p', {class: 'muted'}, 'Standing questions about the news: each reports a matching story when it appears, ' +
      'gains an independent outlet or its brief gains lines. Add one with ',
      el('code', {}, 'wirebrief watchlist add NAME QUERY'), ' or POST /v1/watchlists.')];
  if (!watchlists.length) nodes.push(el('p', {class: 'muted'}, 'No watchlists yet.'));
  // One request per watchlist, in parallel; a failing one shows its error in its own box.
  const pages = await Promise.all(watchlists.map((w) =>
    api(`/v1/watchlists/${encodeURIComponent(w.name)}/events?limit=10`).catch((e) => ({error: e}))));
  watchlists.forEach((w, i) => nodes.push(watchlistSection(w, pages[i])));
  show(...nodes);
}

// The event's new lines: a new story brings its whole brief, so the first few stand for it
// and the story page has the rest.
const EVENT_LINES_SHOWN = 5;

function eventLines(e) {
  if (!e.lines.length) return null;
  const list = el('ul', {class: 'event-lines'}, e.lines.slice(0, EVENT_LINES_SHOWN).map((l) => el('li', {class: l.conflict ? 'conflict' : null},
    l.label ? el('span', {class: 'label'}, l.label + ': ') : null, l.text,
    l.citations.length ? el('span', {class: 'cites', title: 'sentences this line cites'}, ` ${l.citations.length} cited`) : null)));
  const rest = e.lines.length - EVENT_LINES_SHOWN;
  if (rest > 0) {
    list.append(el('li', {class: 'more'}, el('a', {href: '#/story/' + encodeURIComponent(e.story_id)},
      `${rest} more new line${rest === 1 ? '' : 's'} in the story`)));
  }
  return list;
}

function watchlistSection(w, page) {
  const base = '/v1/watchlists/' + encodeURIComponent(w.name);
  const box = el('section', {class: 'watchlist', 'data-name': w.name},
    el('div', {class: 'watchlist-head'},
      el('h2', {class: 'watchlist-name'}, w.name),
      el('code', {class: 'query'}, w.query),
      el('span', {class: 'feeds meta'}, el('a', {href: base + '/feed.atom'}, 'Atom'), ' · ',
        el('a', {href: base + '/feed.json'}, 'JSON Feed'),
        w.webhook ? el('span', {class: 'badge', title: 'Events are POSTed, signed, to ' + w.webhook}, 'webhook') : null)));
  if (page.error) {
    box.append(el('p', {class: 'error'}, String(page.error.message || page.error)));
    return box;
  }
  if (!page.events.length) {
    box.append(el('p', {class: 'muted'}, 'No events yet: nothing matching has appeared or grown since it was added.'));
    return box;
  }
  box.append(el('ol', {class: 'events'}, page.events.map((e) => el('li', {class: 'event', 'data-kind': e.kind, 'data-id': e.id},
    el('div', {class: 'event-head'},
      el('span', {class: 'kind kind-' + e.kind}, EVENT_KINDS[e.kind] || e.kind),
      el('time', {datetime: e.at}, when(e.at)),
      el('a', {class: 'event-story', href: '#/story/' + encodeURIComponent(e.story_id)}, e.headline || e.story_id)),
    el('div', {class: 'meta'}, `brief version ${e.brief_version} · ${e.independent_outlets} independent outlet${e.independent_outlets === 1 ? '' : 's'}`,
      e.new_outlets.length ? ' · new: ' + e.new_outlets.map((o) => o || 'unknown outlet').join(', ') : ''),
    eventLines(e)))));
  if (page.next_before) box.append(el('p', {class: 'meta'}, 'Older events: ', el('a', {href: base + '/events?before=' + page.next_before}, 'JSON')));
  return box;
}

async function route() {
  const {parts, params} = parseHash();
  window.scrollTo(0, 0);
  try {
    if (parts[0] === 'story' && parts[1]) await renderStory(parts[1]);
    else if (parts[0] === 'article' && parts[1]) await renderArticle(parts[1], params);
    else if (parts[0] === 'search') await renderSearch(params);
    else if (parts[0] === 'watchlists') await renderWatchlists();
    else await renderStories(params);
    document.title = (app.querySelector('h1') || {}).textContent + ' · wirebrief';
  } catch (e) {
    showError(e);
  }
  app.dataset.ready = location.hash || '#/';
}

window.addEventListener('hashchange', route);
route();
