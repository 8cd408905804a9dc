"""Succession boxes in HTML give the rows the wikitext reader gives for the same box."""

from __future__ import annotations

from bioparse.readers.html import read_html
from bioparse.readers.wikitext import read_wikitext

WIKITEXT = """{{Navboxes|title=Offices|list1=
{{s-start}}
{{s-off}}
{{s-new|office}}
{{s-ttl|title=[[Minister of X]]|years=1975–1976}}
{{s-aft|after=[[Paulo Jorge]]}}
{{s-bef|rows=2|before=[[Shared Before]]}}
{{s-ttl|title=Office A|years=2000–2005|alongside=[[Dick Durbin]]}}
{{s-ttl|title=Office B|years=2000–2005}}
{{s-aft|rows=2|after=[[Henry Knox]]|as=[[Commanding General|Senior Officer of the Army]]}}
{{s-bef|before=[[X Y]]}}
{{s-ttl|title=Chancellor|years=2005–present}}
{{s-inc}}
{{s-prec|germany}}
{{s-bef|before=[[Wolfgang Schäuble]]|as=[[President of the Bundestag]]}}
{{s-ttl|title=Order of precedence}}
{{s-aft|after=[[Stanislaw Tillich]]}}
{{s-end}}
}}"""

# The same box as MediaWiki renders it (cell markup as on enwiki pages).
HTML = """<html><body><table class="wikitable succession-box noprint"><tbody>
<tr><th colspan="3">Political offices</th></tr>
<tr><td rowspan="1"><b>New office</b></td>
<td rowspan="1"><b><a href="./Minister_of_X">Minister of X</a></b><br/>1975–1976</td>
<td rowspan="1">Succeeded by<div style="font-weight: bold"><a href="./Paulo_Jorge">Paulo Jorge</a></div></td></tr>
<tr><td rowspan="2">Preceded by<div style="font-weight: bold"><a href="./Shared_Before">Shared Before</a></div></td>
<td><b>Office A</b><br/>2000–2005<br/><small>Served alongside: <b><a href="./Dick_Durbin">Dick Durbin</a></b></small></td>
<td rowspan="2">Succeeded by<br/><span style="font-weight: bold"><a href="./Henry_Knox">Henry Knox</a></span><br/><small><i><b>as <a href="./Commanding_General">Senior Officer of the Army</a></b></i></small></td></tr>
<tr><td><b>Office B</b><br/>2000–2005</td></tr>
<tr><td>Preceded by<div style="font-weight: bold"><a href="./X_Y">X Y</a></div></td>
<td><b>Chancellor</b><br/>2005–present</td><td><b>Incumbent</b></td></tr>
<tr><th colspan="3">Order of precedence</th></tr>
<tr><td>Preceded by<div style="font-weight: bold"><a href="./Wolfgang_Schäuble">Wolfgang Schäuble</a></div><i><b>as <a href="./President_of_the_Bundestag">President of the Bundestag</a></b></i></td>
<td><b>Order of precedence</b></td>
<td>Succeeded by<div style="font-weight: bold"><a href="./Stanislaw_Tillich">Stanislaw Tillich</a></div></td></tr>
</tbody></table></body></html>"""


def _rows(doc):  # type: ignore[no-untyped-def]
    (box,) = [b for b in doc.infoboxes if b.kind == "succession_box"]
    return [(r.key, r.value.replace("\n", " | "), r.links) for r in box.rows]


def test_html_box_rows_equal_wikitext_box_rows() -> None:
    html_rows = _rows(read_html(HTML))
    wikitext_rows = [(k, v, links) for k, v, links in _rows(read_wikitext(WIKITEXT))]
    # the placeholder cell prints what the template prints; everything else is identical
    assert [r for r in html_rows if r[1] != "New office"] == [r for r in wikitext_rows if r[1] != "New office"]
    assert ("predecessor", "New office", []) in html_rows and ("predecessor", "New office", []) in wikitext_rows
    assert ("successor", "Henry Knox | as Senior Officer of the Army", ["Henry Knox", "Commanding General"]) in html_rows
    assert html_rows.count(("predecessor", "Shared Before", ["Shared Before"])) == 2  # rowspan serves both titles
    assert ("serving_with", "Dick Durbin", ["Dick Durbin"]) in html_rows
    assert ("term", "2005–present", []) in html_rows and not any(
        v == "Incumbent" for k, v, _ in html_rows if k == "successor")
