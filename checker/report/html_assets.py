"""The HTML report's stylesheet and script, inlined into every page (no network, no files to ship)."""

CSS = """
:root {
  --bg: #f6f7f9; --card: #fff; --line: #e3e6eb; --ink: #1f2328; --muted: #656d76;
  --error: #cf222e; --error-bg: #ffebe9; --warning: #9a6700; --warning-bg: #fff3c4;
  --info: #0969da; --info-bg: #ddf4ff; --related: #8250df; --related-bg: #f5ecff; --ok: #1a7f37;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { display: flex; align-items: baseline; gap: 18px; flex-wrap: wrap; padding: 18px 32px;
  background: var(--card); border-bottom: 1px solid var(--line); }
header h1 { margin: 0; font-size: 20px; font-weight: 650; letter-spacing: -0.01em; }
header .summary { color: var(--muted); display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
header .version { margin-left: auto; color: var(--muted); font-size: 12px; }
main { max-width: 1100px; margin: 24px auto; padding: 0 24px; }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.chip { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12.5px; font-weight: 600;
  border: 1px solid transparent; }
.chip.sev-error, .pill.sev-error { color: var(--error); background: var(--error-bg); border-color: #ffcecb; }
.chip.sev-warning, .pill.sev-warning { color: var(--warning); background: var(--warning-bg); border-color: #f0d98a; }
.chip.sev-info, .pill.sev-info { color: var(--info); background: var(--info-bg); border-color: #b6e3ff; }
.chip.ok { color: var(--ok); background: #dafbe1; border-color: #aceebb; }
.doc { background: var(--card); border: 1px solid var(--line); border-radius: 10px; margin-bottom: 20px;
  box-shadow: 0 1px 2px rgba(31, 35, 40, .04); overflow: hidden; }
.doc > summary { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; padding: 14px 20px;
  cursor: pointer; list-style: none; border-bottom: 1px solid transparent; }
.doc[open] > summary { border-bottom-color: var(--line); background: #fbfbfc; }
.doc > summary::before { content: "\\25B8"; color: var(--muted); transition: transform .15s; }
.doc[open] > summary::before { transform: rotate(90deg); }
.doc .path { font-weight: 650; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 14px; }
.doc .meta { color: var(--muted); font-size: 13px; margin-right: auto; }
.panel { padding: 14px 20px 18px; border-bottom: 1px solid var(--line); }
.panel:last-child { border-bottom: 0; }
.panel h3 { margin: 0 0 10px; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.empty { color: var(--muted); margin: 0; font-size: 14px; }
ol.findings { list-style: none; margin: 0; padding: 0; }
ol.findings li a { display: grid; grid-template-columns: 86px 56px auto 1fr; gap: 10px; align-items: baseline;
  padding: 7px 8px; border-radius: 6px; color: inherit; text-decoration: none; }
ol.findings li a:hover { background: #f3f4f6; }
.pill { display: inline-block; text-align: center; padding: 0 8px; border-radius: 999px; font-size: 11.5px;
  font-weight: 650; text-transform: uppercase; letter-spacing: .03em; border: 1px solid transparent; }
.loc { color: var(--muted); font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.rule { color: var(--ink); }
.text { font-size: 15px; line-height: 1.75; }
.line { display: flex; }
.line .no { flex: 0 0 3.4em; padding-right: 14px; text-align: right; color: #8c959f; user-select: none;
  font: 12px/2.2 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.line .code { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; min-width: 0; }
.seg.tx { text-decoration: underline dotted #8c959f; text-underline-offset: 4px; }
.seg.hl { border-radius: 3px; cursor: pointer; padding: 1px 0; outline: none; }
.seg.hl.sev-error { background: var(--error-bg); box-shadow: inset 0 -2px var(--error); }
.seg.hl.sev-warning { background: var(--warning-bg); box-shadow: inset 0 -2px #d4a72c; }
.seg.hl.sev-info { background: var(--info-bg); box-shadow: inset 0 -2px var(--info); }
.seg.rel { background: var(--related-bg); box-shadow: inset 0 -2px var(--related); border-radius: 3px;
  cursor: pointer; }
.seg.hl:focus-visible { outline: 2px solid var(--info); outline-offset: 1px; }
.seg.active { outline: 2px solid var(--ink); outline-offset: 1px; }
.seg.rel.active { outline-color: var(--related); }
.seg.hover { background: var(--info-bg); }
.seg.flash { animation: flash 1.2s ease-out; }
@keyframes flash { 0% { box-shadow: 0 0 0 6px rgba(9, 105, 218, .45); }
  100% { box-shadow: 0 0 0 0 rgba(9, 105, 218, 0); } }
.timeline { display: block; width: 100%; height: auto; font-family: inherit; }
.timeline .axis { stroke: #8c959f; stroke-width: 1; }
.timeline .tick { stroke: #eef0f3; stroke-width: 1; }
.timeline .ticklabel { fill: var(--muted); font-size: 11px; text-anchor: middle; }
.timeline .item { cursor: pointer; outline: none; }
.timeline .item circle, .timeline .item rect { fill: var(--info); stroke: #fff; stroke-width: 1.5; }
.timeline .item text { fill: var(--ink); font-size: 12px; }
.timeline .item.conflict circle, .timeline .item.conflict rect { fill: var(--error); }
.timeline .item.conflict text { fill: var(--error); font-weight: 650; }
.timeline .item:hover circle, .timeline .item:hover rect, .timeline .item:focus-visible circle,
.timeline .item:focus-visible rect, .timeline .item.active circle, .timeline .item.active rect {
  stroke: var(--ink); stroke-width: 2.5; }
.timeline .published line { stroke: var(--ok); stroke-width: 1.5; stroke-dasharray: 4 3; }
.timeline .published text { fill: var(--ok); font-size: 11px; font-weight: 600; }
.legend { display: flex; gap: 18px; flex-wrap: wrap; margin-top: 6px; color: var(--muted); font-size: 12.5px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.legend i { display: inline-block; background: var(--info); }
.legend .dot { width: 10px; height: 10px; border-radius: 50%; }
.legend .bar { width: 22px; height: 8px; border-radius: 4px; }
.legend .conflict { background: var(--error); }
.legend .pub { width: 0; height: 12px; border-left: 2px dashed var(--ok); background: none; }
.legend span:last-child { margin-left: auto; font-style: italic; }
#pop { position: absolute; z-index: 10; width: min(440px, calc(100vw - 24px)); background: var(--card);
  border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; font-size: 14px;
  box-shadow: 0 8px 24px rgba(31, 35, 40, .14); }
#pop hr { border: 0; border-top: 1px solid var(--line); margin: 10px 0; }
#pop .card-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
#pop .where { color: var(--muted); font-size: 12.5px; margin-left: auto; }
#pop p { margin: 8px 0 0; }
#pop .message { font-weight: 550; }
#pop ul { margin: 8px 0 0; padding-left: 18px; }
#pop a { color: var(--related); font-weight: 600; }
#pop .fix code { background: #dafbe1; color: var(--ok); padding: 1px 5px; border-radius: 4px; }
#pop .more { color: var(--muted); font-size: 12.5px; }
@media print { #pop { display: none; } .doc { break-inside: avoid; } }
"""

SCRIPT = """
(() => {
  const findings = JSON.parse(document.getElementById('chronolint-data').textContent).findings;
  const pop = document.getElementById('pop');
  let pinned = null;
  const entities = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => entities[c]);
  const words = (v) => (v || '').split(' ').filter(Boolean);
  const seg = (id) => document.querySelector(`.seg[data-f~="${id}"], .seg[data-r~="${id}"], .seg[data-t~="${id}"]`);

  function card(fid) {
    const f = findings[fid];
    const where = (r) => `${r.path === f.path ? '' : esc(r.path) + ':'}line ${r.line}`;
    const related = f.related.map((r) =>
      `<li><a href="#${r.id}" data-jump="${r.id}">${where(r)}</a> ${esc(r.message)}</li>`).join('');
    return `<div class="card" data-card="${fid}"><div class="card-head">` +
      `<span class="pill sev-${f.severity}">${f.severity}</span>` +
      `<code>${esc(f.rule)}</code><span class="where">${esc(f.path)}:${f.line}:${f.column}</span></div>` +
      `<p class="message">${esc(f.message)}</p>` +
      (related ? `<ul class="related">${related}</ul>` : '') +
      (f.fix !== null ? `<p class="fix">Fix: replace with <code>${esc(f.fix)}</code></p>` : '') +
      `<p class="more">More: <code>chronolint explain ${esc(f.rule)}</code></p></div>`;
  }

  function show(el, fids) {
    pop.innerHTML = fids.map(card).join('<hr>');
    pop.hidden = false;
    const box = el.getBoundingClientRect();
    const width = pop.offsetWidth;
    const right = window.scrollX + document.documentElement.clientWidth - width - 12;
    const left = Math.min(window.scrollX + box.left, right);
    pop.style.left = `${Math.max(window.scrollX + 8, left)}px`;
    pop.style.top = `${window.scrollY + box.bottom + 8}px`;
  }

  function activate(fids) {
    document.querySelectorAll('.active').forEach((e) => e.classList.remove('active'));
    fids.forEach((fid) => document.querySelectorAll(`[data-f~="${fid}"], [data-rf~="${fid}"]`)
      .forEach((e) => e.classList.add('active')));
  }

  function close() {
    pinned = null;
    pop.hidden = true;
    activate([]);
  }

  function pin(fids, el) {
    pinned = fids;
    activate(fids);
    show(el, fids);
  }

  function jump(id) {
    const target = seg(id) || document.getElementById(id);
    if (!target) return null;
    const details = target.closest('details');
    if (details) details.open = true;
    target.scrollIntoView({block: 'center'});
    target.classList.remove('flash');
    void target.offsetWidth;
    target.classList.add('flash');
    return target;
  }

  function open(fid) {
    const target = jump(fid);
    if (target) pin([fid], target);
  }

  document.addEventListener('mouseover', (e) => {
    const item = e.target.closest('.timeline .item');
    if (item) document.querySelectorAll(`.seg[data-t~="${item.dataset.t}"]`).forEach((s) => s.classList.add('hover'));
    const hl = e.target.closest('.seg.hl');
    if (hl && !pinned) show(hl, words(hl.dataset.f));
  });
  document.addEventListener('mouseout', (e) => {
    const item = e.target.closest('.timeline .item');
    if (item) document.querySelectorAll('.seg.hover').forEach((s) => s.classList.remove('hover'));
    const hl = e.target.closest('.seg.hl');
    if (hl && !pinned && !hl.contains(e.relatedTarget)) pop.hidden = true;
  });
  document.addEventListener('click', (e) => {
    const link = e.target.closest('[data-jump]');
    if (link) { e.preventDefault(); jump(link.dataset.jump); return; }
    const listed = e.target.closest('[data-open]');
    if (listed) { e.preventDefault(); open(listed.dataset.open); return; }
    const hl = e.target.closest('.seg.hl');
    if (hl) { pin(words(hl.dataset.f), hl); return; }
    const rel = e.target.closest('.seg.rel');
    if (rel) { open(words(rel.dataset.rf)[0]); return; }
    const item = e.target.closest('.timeline .item');
    if (item) {
      const fids = words(item.dataset.f);
      if (fids.length) open(fids[0]); else jump(item.dataset.t);
      return;
    }
    if (!pop.contains(e.target)) close();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { close(); return; }
    const el = e.target.closest && e.target.closest('.seg.hl, .timeline .item');
    if (el && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      el.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    }
  });
})();
"""
