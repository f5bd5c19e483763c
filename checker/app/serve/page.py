"""The web page at ``/``: paste an article or upload a DOCX, set the publication date, check.

The result is the HTML report itself (checker.report.html: the text with the findings
highlighted, the explanation on click, the timeline), rendered by ``POST /api/report`` and shown
in a sandboxed frame, so the page and ``--format html`` are one thing, not two.
"""

from __future__ import annotations

import html

from checker import __version__
from checker.report.html_assets import CSS

PAGE_CSS = """
.form { display: grid; gap: 12px; background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 16px 20px; margin-bottom: 20px; }
.form textarea { width: 100%; min-height: 220px; font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace;
  border: 1px solid var(--line); border-radius: 6px; padding: 10px; resize: vertical; }
.form .row { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
.form label { color: var(--muted); font-size: 13px; display: inline-flex; gap: 6px; align-items: center; }
.form button { font: inherit; font-weight: 600; padding: 6px 18px; border-radius: 6px; border: 1px solid #1f883d;
  background: #1f883d; color: #fff; cursor: pointer; }
.form button:disabled { opacity: .6; cursor: progress; }
#status { color: var(--muted); font-size: 13px; }
#status.error { color: var(--error); font-weight: 600; }
#result { width: 100%; min-height: 640px; border: 1px solid var(--line); border-radius: 10px; background: var(--bg); }
"""

SCRIPT = """
(() => {
  const form = document.getElementById('check');
  const status = document.getElementById('status');
  const frame = document.getElementById('result');
  const file = document.getElementById('docx');
  const say = (text, error) => { status.textContent = text; status.className = error ? 'error' : ''; };
  const base64 = (f) => new Promise((ok, fail) => {
    const reader = new FileReader();
    reader.onload = () => ok(String(reader.result).split(',')[1] || '');
    reader.onerror = () => fail(reader.error);
    reader.readAsDataURL(f);
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {published: form.published.value || null, format: form.format.value};
    if (file.files.length) { body.docx = await base64(file.files[0]); body.filename = file.files[0].name; }
    else body.text = form.text.value;
    form.querySelector('button').disabled = true;
    say('Checking…');
    try {
      const answer = await fetch('api/report', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                                body: JSON.stringify(body)});
      if (!answer.ok) { const problem = await answer.json(); say(problem.error.message, true); return; }
      frame.srcdoc = await answer.text();
      say(answer.headers.get('X-Chronolint-Summary') || 'Checked.');
    } catch (err) { say(String(err), true); }
    finally { form.querySelector('button').disabled = false; }
  });
  file.addEventListener('change', () => { form.text.disabled = file.files.length > 0; });
})();
"""


def page(max_chars: int) -> str:
    """The page: a form, and a frame for the report."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>chronolint</title><style>{CSS}{PAGE_CSS}</style></head><body>"
        f'<header><h1>chronolint</h1><div class="summary">Paste an article or upload a Word file; the dates it '
        f"states are checked against each other, the calendar and its publication date.</div>"
        f'<div class="version">chronolint {html.escape(__version__)}</div></header><main>'
        '<form id="check" class="form">'
        f'<textarea name="text" maxlength="{max_chars}" placeholder="Paste the article here (Markdown, HTML or '
        'plain text; a front matter date counts)" aria-label="Article text"></textarea>'
        '<div class="row">'
        '<label>Publication date <input type="date" name="published"></label>'
        '<label>Format <select name="format"><option value="markdown">Markdown</option>'
        '<option value="text">Plain text</option><option value="html">HTML</option>'
        '<option value="rst">reStructuredText</option></select></label>'
        '<label>or a Word file <input type="file" id="docx" accept=".docx"></label>'
        '<button type="submit">Check</button><span id="status" role="status"></span></div></form>'
        '<iframe id="result" title="Findings" sandbox="allow-scripts"></iframe>'
        f"</main><script>{SCRIPT}</script></body></html>\n"
    )
