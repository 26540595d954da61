"""The views' style sheet and the analyst's desk: an inline script that turns the Accept / Reject buttons
and notes into ready-to-run ``summarizer review DIR ID --accept|--reject --note …`` commands (each
argument shell-quoted as ``shlex.quote`` does) in a box with a copy button. Nothing external is loaded;
with JavaScript off the desk stays hidden and the buttons do nothing."""

from __future__ import annotations

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}
header{padding:12px 24px;background:#222;color:#fff}
section{display:grid;grid-template-columns:minmax(0,11fr) minmax(0,9fr);gap:20px;padding:16px 24px;border-bottom:1px solid #ccc}
h2{grid-column:1/-1;margin:0;font-size:17px}
.text{white-space:pre-wrap;background:#fff;padding:12px;border:1px solid #ddd;font-family:Georgia,serif;
align-self:start;position:sticky;top:8px;max-height:calc(100vh - 110px);overflow:auto}
mark{padding:1px 0;border-radius:2px;color:inherit}
.verified{background:#b7e4b0}.partial{background:#ffe08a}.unsupported{background:#f5a3a3}
mark[data-review=accept]{box-shadow:inset 0 -3px 0 #1565c0}
mark[data-review=reject]{text-decoration:line-through 2px #8e0000}
mark[data-review=stale]{outline:2px dotted #666}
.fid{font:bold 11px/1.2 ui-monospace,monospace;background:#444;color:#fff;border-radius:3px;padding:0 3px;margin:0 2px;text-decoration:none;white-space:nowrap;user-select:none}
a.fid.verified{background:#1b5e20}a.fid.partial{background:#7a5a00}a.fid.unsupported{background:#8e0000}
:target{outline:3px solid #1565c0;outline-offset:2px}
.fact{background:#fff;border:1px solid #ddd;border-left:6px solid #999;padding:8px;margin-bottom:8px}
.fact.verified{border-left-color:#2e8b3a;background:#fff}.fact.partial{border-left-color:#d9a400;background:#fff}
.fact.unsupported{border-left-color:#c62828;background:#fff}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:6px 0}
.pair small,.summary small{display:block;color:#666;font-size:11px;text-transform:uppercase}
.pair div[lang=fr]{font-family:Georgia,serif}.summary small{display:inline;text-transform:none}
.badge{font-weight:bold;text-transform:uppercase;font-size:12px}
.coverage{font-size:13px;color:#333}
ul{margin:4px 0 0 0;padding-left:18px;font-size:13px}.ok{color:#2e7d32}.no{color:#c62828}
details{font-size:13px}
.summary{background:#fff;border:1px solid #ddd;padding:8px 12px;margin-bottom:8px}
.summary ol{margin:4px 0;padding-left:18px}.sentence{margin-bottom:6px}
.sentence.verified{background:#fff;list-style:none;border-left:6px solid #2e8b3a;padding-left:6px}
.sentence.partial{background:#fff;list-style:none;border-left:6px solid #d9a400;padding-left:6px}
.sentence.unsupported{background:#fff;list-style:none;border-left:6px solid #c62828;padding-left:6px}
.reviewed{margin:4px 0;font-size:13px;font-weight:bold}.reviewed.accept{color:#1565c0}
.reviewed.reject{color:#8e0000}.reviewed.stale{color:#666}
.review{margin-top:4px;display:flex;gap:4px;font-size:13px}.review input{flex:1;font-size:13px}
.review[data-decision=accept] [data-decision=accept]{background:#1565c0;color:#fff}
.review[data-decision=reject] [data-decision=reject]{background:#8e0000;color:#fff}
.legend{padding:8px 24px;background:#fff;border-bottom:1px solid #ccc;font-size:13px}
.legend>span{margin-right:14px;white-space:nowrap}
.error{color:#c62828;grid-column:1/-1}
main{padding:8px 24px;max-width:1100px}main table{border-collapse:collapse;margin:8px 0;background:#fff}
main td,main th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:14px}
.footnotes{font-size:13px}.footnotes-list{list-style:none;padding-left:0}
.footnote-ref a{font:bold 11px ui-monospace,monospace;text-decoration:none}
#desk{position:sticky;bottom:0;background:#222;color:#fff;padding:8px 24px;display:flex;gap:8px;align-items:flex-start}
#desk textarea{flex:1;font:12px ui-monospace,monospace;min-height:3.5em}
"""

# Shown only when the script runs; ``data-dir``, ``data-ref`` and the note are read as text, never as HTML.
DESK = r"""<aside id="desk" hidden aria-label="review commands">
<label for="desk-commands"><b>Review commands</b><br><span id="desk-count">none yet</span>: Accept or
Reject a fact or summary sentence, add a note, then run these</label>
<textarea id="desk-commands" readonly rows="3" wrap="off" spellcheck="false"></textarea>
<button type="button" id="desk-copy">Copy</button></aside>
<script>
(function () {
  var desk = document.getElementById("desk");
  if (!desk) return;
  var box = document.getElementById("desk-commands");
  desk.hidden = false;
  function q(s) {
    return /^[A-Za-z0-9_@%+=:,.\/-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\"'\"'") + "'";
  }
  function update() {
    var lines = [];
    document.querySelectorAll(".review").forEach(function (r) {
      var d = r.getAttribute("data-decision");
      if (!d) return;
      var line = ["summarizer", "review", q(r.getAttribute("data-dir")), q(r.getAttribute("data-ref")), "--" + d];
      var note = r.querySelector("input.note").value.trim();
      if (note) line.push("--note", q(note));
      lines.push(line.join(" "));
    });
    box.value = lines.join("\n");
    document.getElementById("desk-count").textContent = lines.length ? lines.length + " to run" : "none yet";
  }
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest(".review button");
    if (!b) return;
    var r = b.closest(".review"), d = b.getAttribute("data-decision");
    r.setAttribute("data-decision", r.getAttribute("data-decision") === d ? "" : d);
    update();
  });
  document.addEventListener("input", function (e) {
    if (e.target.closest && e.target.closest(".review")) update();
  });
  document.getElementById("desk-copy").addEventListener("click", function () {
    box.select();
    var fallback = function () { document.execCommand("copy"); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(box.value).catch(fallback);
    else fallback();
  });
  update();
})();
</script>"""
