"""The dossier page's inline style sheet and its one optional script.

Kept apart from `dossier_html` because it is presentation data, not logic, and because the
page must carry it inline: a dossier is opened offline and must fetch nothing. System font
stacks only; factuality tags pair colour with their word, so nothing depends on colour alone.
The script opens every `<details>` before printing, so evidence is on paper too.
"""

CSS = """
:root{--ink:#1d2430;--muted:#5b6576;--line:#dde2ea;--bg:#f6f7f9;--card:#fff;--accent:#1f5fa8;
--warn:#b3261e;--warn-bg:#fdf0ef;--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",
Arial,sans-serif;--serif:Georgia,"Times New Roman",serif}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 var(--sans);color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
.masthead{background:#14213d;color:#fff;padding:2rem 2.5rem 1.6rem}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.12em;font-size:.75rem;opacity:.75}
h1{font:700 2rem/1.2 var(--serif);margin:.3rem 0 .4rem}
.span{margin:0 0 1rem;opacity:.9}
.stats{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;margin:0;padding:0}
.stats li{background:rgba(255,255,255,.12);border-radius:6px;padding:.35rem .8rem;font-size:.9rem}
.stats strong{font-size:1.15rem;margin-right:.25rem}
.layout{display:grid;grid-template-columns:13rem minmax(0,1fr);gap:2rem;max-width:78rem;
margin:0 auto;padding:1.5rem 2rem 3rem}
.toc{position:sticky;top:1rem;align-self:start;font-size:.9rem}
.toc h2{font-size:.75rem;text-transform:uppercase;letter-spacing:.1em;color:var(--muted)}
.toc ol{list-style:none;margin:0;padding:0;border-left:2px solid var(--line)}
.toc a{display:flex;justify-content:space-between;padding:.3rem .8rem;text-decoration:none;
color:var(--ink)}
.toc a:hover{background:#e9eef6}
.count{color:var(--muted);font-variant-numeric:tabular-nums}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;
padding:1.2rem 1.5rem;margin-bottom:1.4rem}
h2{font:700 1.35rem/1.3 var(--serif);margin:0 0 .9rem}
h3{font-size:1.05rem;margin:0 0 .4rem}
.none{color:var(--muted);font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid var(--line)}
thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
td.date,.nowrap{white-space:nowrap}
.empty{color:#a0a8b5}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr:target{background:#fff6d6}
sup.cite{font-size:.7em;margin-left:1px}
sup.cite a{text-decoration:none;padding:0 .15em;border-radius:3px;background:#e7eef8}
sup.missing{color:var(--warn)}
.summary li{margin-bottom:.5rem;font-family:var(--serif);font-size:1.02rem}
.chip{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 .55rem;
margin:0 .25rem .2rem 0;font-size:.8rem;background:#f3f5f8;white-space:nowrap}
.tag{display:inline-block;border-radius:4px;padding:0 .45rem;font-size:.75rem;font-weight:600;
text-transform:uppercase;letter-spacing:.04em;border:1px solid currentColor}
.fact-asserted{color:#1e6b3a;background:#eaf6ee}.fact-negated{color:#b3261e;background:#fdeceb}
.fact-planned,.fact-proposed{color:#1f5fa8;background:#e8f0fa}
.fact-demanded{color:#9a4d00;background:#fdf1e3}.fact-alleged{color:#6b3fa0;background:#f2ecfa}
.fact-hypothetical,.fact-historical,.fact-other{color:#5b6576;background:#f0f2f5}
.kind{color:var(--muted);font-size:.8rem;font-weight:600;letter-spacing:.04em}
.timeline{list-style:none;margin:0 0 0 .5rem;padding:0;border-left:3px solid var(--line)}
.timeline li{position:relative;padding:0 0 1.1rem 1.2rem}
.timeline li::before{content:"";position:absolute;left:calc(-.45rem - 1.5px);top:.3rem;
width:.9rem;height:.9rem;border-radius:50%;background:var(--accent);border:2px solid #fff}
.badge{display:inline-block;font:600 .8rem var(--sans);background:#14213d;color:#fff;
border-radius:4px;padding:.05rem .5rem;margin-right:.4rem}
.badge.undated{background:#8a93a3}
.what{margin:.25rem 0;font-weight:600}
.meta{margin:.15rem 0;color:var(--muted);font-size:.85rem}
details{margin-top:.3rem;font-size:.85rem}
summary{cursor:pointer;color:var(--accent)}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:3px solid var(--line);
font-family:var(--serif);color:#333}
blockquote.direct{border-left-color:var(--accent)}
.reported{margin:.4rem 0;font-family:var(--serif)}
.quote-kind{color:#5b6576;background:#f0f2f5;margin-right:.3rem}
.cue{font-style:italic}
tbody.disputed{background:var(--warn-bg)}
tbody.disputed th{color:var(--warn)}
.dispute{border:1px solid var(--line);border-radius:8px;padding:1rem;margin-bottom:1rem;
break-inside:avoid}
.dispute.live{border-left:4px solid var(--warn)}
.note{margin:.2rem 0 .7rem;color:var(--muted)}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.8rem}
.side{background:#fafbfc;border:1px solid var(--line);border-radius:6px;padding:.7rem .9rem}
.claim{font-size:1.1rem;font-weight:700;margin:0 0 .3rem}
.dispute.change{border-left:4px solid #8a93a3}
.change .side+.side .claim::before{content:"→ later: ";color:var(--muted);font-weight:400}
.ev{white-space:nowrap}.ev details{display:inline-block;margin:0 0 0 .4rem;white-space:normal}
.ev details[open]{display:block}
.changes .sides{grid-template-columns:repeat(auto-fit,minmax(11rem,1fr))}
.speaker{margin-bottom:1.1rem}
.statements{list-style:none;padding:0;margin:0}
footer{text-align:center;color:var(--muted);font-size:.8rem;padding:0 0 2rem}
.scroll{overflow-x:auto}
@media (max-width:60rem){.layout{grid-template-columns:minmax(0,1fr);padding:1rem}
.toc{position:static}
.toc ol{display:flex;flex-wrap:wrap;border:0;gap:.3rem}.toc a{border:1px solid var(--line);
border-radius:999px;padding:.1rem .7rem;gap:.4rem}.masthead{padding:1.5rem 1rem}
section{padding:1rem}}
@media print{body{background:#fff}.toc{display:none}.layout{display:block;padding:0}
.masthead{background:#fff;color:var(--ink);border-bottom:2px solid var(--ink)}
section{border:none;break-inside:auto;padding:0}.stats li{background:#eee}
.scroll{overflow:visible}}
"""
SCRIPT = (
    'addEventListener("beforeprint",()=>'
    'document.querySelectorAll("details").forEach(d=>d.open=true));'
)
