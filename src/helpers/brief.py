"""Stage 5 — brief: the HTML briefing for council members.

The notebook ``05_briefing`` calls one function per section; each returns a string of
HTML in which every piece of text that came from a document (council, body, title,
quoted evidence, link) has been escaped, so a document containing ``<script>`` shows
as text. Every sentence of the findings, every chart's alt text and every table is
generated from the tables, never hand-written. :func:`export_html` turns the executed
notebook into one self-contained, offline HTML file with no code in it.

Large corpora are aggregated: charts and tables summarise, cards are capped at
:data:`MAX_CARDS` councils, and no section lists every item.
"""

from __future__ import annotations

import base64
import datetime as dt
import difflib
import html
import io
import logging
import re
from pathlib import Path

import pandas as pd

from . import codebook, compare, evaluate
from .config import TEMPLATES_DIR
from .errors import WorkbookError
from .tables import atomic_write_text

log = logging.getLogger("helpers.brief")

#: At most this many council cards; the rest are summarised in one table.
MAX_CARDS = 40
#: Above this many councils the council × action matrix is replaced by a prevalence chart.
MAX_MATRIX_COUNCILS = 30
#: Longest quotation shown, in characters.
QUOTE_CHARS = 320
#: The briefing for the shipped corpus must stay below this size.
MAX_BYTES = 5_000_000
#: Cells with this tag (the notebook's own introduction) are left out of the briefing.
NOTEBOOK_ONLY = "notebook-only"

UNKNOWN = compare.UNKNOWN_COUNCIL

ACTION_PHRASES = {
    "merge": "merging partnership bodies",
    "dissolve": "ending a body or its sub-groups",
    "create": "setting up a new board, group or sub-committee",
    "regionalise": "a joint or regional body across council boundaries",
    "streamline": "a simpler structure with fewer bodies or less duplication",
    "task_and_finish": "moving to task-and-finish groups or commissioning",
    "meeting_frequency": "changing how often a board meets",
    "membership": "changing membership, chairing or representation",
    "terms_of_reference": "revising terms of reference, protocols or governance arrangements",
    "review": "reviewing partnership arrangements",
    "pooled_resources": "pooling budgets, joint commissioning or shared services",
    "statutory_alignment": "aligning with statutory or national bodies",
}


def esc(value) -> str:
    """Escaped text for HTML content and attribute values (quotes included)."""
    return html.escape("" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value), quote=True)


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural_word or word + 's')}"


def share(k: int, n: int) -> str:
    return f"{k / n:.0%}" if n else "–"


def label(name: str) -> str:
    """A codebook name as words: ``task_and_finish`` → ``task and finish``."""
    return str(name).replace("_", " ")


def names_list(names, limit: int = 6) -> str:
    """'A, B and C' (escaped), shortened to ``limit`` names and 'N more'."""
    names = [esc(n) for n in names]
    if len(names) > limit:
        names = names[:limit] + [f"{len(names) - limit} more"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def of_named(k: int, n: int) -> str:
    """'3 of the 4 named councils', 'both named councils', 'all 5 named councils'."""
    if k == n:
        return "the named council" if n == 1 else ("both named councils" if n == 2 else f"all {n} named councils")
    return f"{k} of the {plural(n, 'named council')}"


def named_councils(councils: pd.DataFrame) -> list[str]:
    return [c for c in councils["council"] if c != UNKNOWN]


# ---------------------------------------------------------------- title and scope


def produced_on(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.day} {today:%B %Y}"


def year_span(years) -> str:
    years = sorted({int(y) for y in years if pd.notna(y)})
    if not years:
        return "years not stated"
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def corpus_line(documents: pd.DataFrame) -> str:
    """What the briefing covers: documents, councils, years (escaped)."""
    named = sorted(documents["council"].dropna().loc[lambda s: s.ne("") & s.ne(UNKNOWN)].unique())
    unnamed = int(len(documents) - documents["council"].isin(named).sum())
    undated = int(documents["year"].isna().sum())
    text = (f"{plural(len(documents), 'document')} from {plural(len(named), 'council')} "
            f"({names_list(named, limit=12)}), {year_span(documents['year'])}")
    notes = []
    if unnamed:
        notes.append(f"{plural(unnamed, 'document')} {'names' if unnamed == 1 else 'name'} no council")
    if undated:
        notes.append(f"{undated} of {len(documents)} carry no date")
    return text + (f"; {'; '.join(notes)}" if notes else "") + "."


def title_block(documents: pd.DataFrame, council: str = "", today: dt.date | None = None) -> str:
    """The H1, the production date and the corpus covered."""
    title = "Partnership review briefing" + (f": {esc(council)}" if council else "")
    focus = (f"<p>This briefing focuses on <strong>{esc(council)}</strong> and compares it with the other "
             f"councils in the corpus.</p>") if council else ""
    return (f"<h1>{title}</h1>"
            f'<p class="brief-meta">Produced {produced_on(today)}. Covers {corpus_line(documents)}</p>'
            f"{focus}")


def resolve_council(name: str, councils: pd.DataFrame) -> str:
    """The councils-table name for ``name`` (exact, case-insensitive or a unique part), else a clear error."""
    known = list(councils["council"])
    if name in known:
        return name
    folded = [c for c in known if c.casefold() == name.casefold()]
    partial = folded or [c for c in known if name.casefold() in c.casefold()]
    if len(partial) == 1:
        return partial[0]
    close = partial or difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else f"known councils: {', '.join(known)}"
    raise WorkbookError(f"council {name!r} is not in the councils table — {hint}")


# ---------------------------------------------------------------- key findings


def _action_councils(actions: pd.DataFrame) -> pd.Series:
    """For each action, the named councils whose documents state it (most widespread first)."""
    named = actions[actions["council"] != UNKNOWN]
    by = named.groupby("action")["council"].agg(lambda s: sorted(set(s)))
    return by.loc[sorted(by.index, key=lambda a: (-len(by[a]), codebook.ACTIONS.index(a)))] if len(by) else by


def _theme_counts(items: pd.DataFrame) -> pd.Series:
    return items["theme"].value_counts().reindex(list(codebook.THEMES), fill_value=0).sort_values(ascending=False, kind="stable")


def key_findings(councils: pd.DataFrame, actions: pd.DataFrame, items: pd.DataFrame,
                 documents: pd.DataFrame | None = None) -> list[str]:
    """Plain-English findings (escaped HTML) computed from the tables for the whole corpus."""
    named = named_councils(councils)
    n = len(named)
    out = []
    unknown_actions = set(actions.loc[actions["council"] == UNKNOWN, "action"])
    for action, who in _action_councils(actions).head(4).items():
        sentence = f"Documents from {of_named(len(who), n)} record {ACTION_PHRASES[action]}"
        if len(who) <= 3:
            sentence += f" ({names_list(who)})"
        if action in unknown_actions:
            sentence += "; so does the document that names no council"
        out.append(sentence + ".")
    named_rows = councils[councils["council"] != UNKNOWN]
    model_counts = named_rows.loc[named_rows["model"] != compare.name_model(set()), "model"].value_counts()
    still = ~named_rows["council"].isin(set(actions["council"]))
    if len(model_counts):
        top, k = model_counts.index[0], int(model_counts.iloc[0])
        out.append(f"The commonest restructuring model is “{esc(top)}”, shared by {of_named(k, n)} "
                   f"({names_list(named_rows.loc[named_rows['model'] == top, 'council'])}).")
    if still.any():
        out.append(f"In {of_named(int(still.sum()), n)} ({names_list(named_rows.loc[still, 'council'])}) "
                   "no restructuring action was found in the documents.")
    if not items.empty:
        themes = _theme_counts(items)
        second = f", then {esc(label(themes.index[1]))} ({themes.iloc[1]})" if themes.iloc[1] else ""
        out.append(f"{plural(len(items), 'recommendation, proposal or decision', 'recommendations, proposals and decisions')} "
                   f"were found; the commonest theme is {esc(label(themes.index[0]))} "
                   f"({themes.iloc[0]} items, {share(themes.iloc[0], len(items))}){second}.")
        status = items["status"].value_counts()
        rest = ", ".join(f"{status[s]} {s}" for s in codebook.STATUSES if s != "agreed" and status.get(s, 0))
        out.append(f"{status.get('agreed', 0)} of {len(items)} items ({share(status.get('agreed', 0), len(items))}) are recorded "
                   f"as agreed or already under way{'; ' + rest if rest else ''}.")
    return out


def findings_html(findings: list[str]) -> str:
    return "<ul class=\"brief-findings\">" + "".join(f"<li>{f}</li>" for f in findings) + "</ul>"


def council_findings(council: str, councils: pd.DataFrame, actions: pd.DataFrame, items: pd.DataFrame) -> list[str]:
    """Plain-English findings for one council compared with the other named councils."""
    others = [c for c in named_councils(councils) if c != council]
    own = set(actions.loc[actions["council"] == council, "action"])
    other_acts = actions[actions["council"].isin(others)]
    avg = other_acts.groupby("council")["action"].nunique().reindex(others, fill_value=0).mean() if others else 0
    row = councils.set_index("council").loc[council]
    out = [f"{esc(council)}'s documents ({plural(int(row['n_documents']), 'document')}, {esc(row['years'] or 'undated')}) "
           f"record {len(own)} of the {len(codebook.ACTIONS)} restructuring actions in the codebook; "
           f"the other {plural(len(others), 'named council')} record {avg:.1f} on average."]
    only = [a for a in codebook.ACTIONS if a in own and a not in set(other_acts["action"])]
    if only and others:
        out.append(f"Recorded by no other council: {esc(', '.join(label(a) for a in only))}.")
    missing = [a for a in codebook.ACTIONS if a not in own and other_acts.loc[other_acts["action"] == a, "council"].nunique() * 2 > len(others)]
    if missing:
        out.append(f"Recorded by most other councils but not found here: {esc(', '.join(label(a) for a in missing))}.")
    peers = [c for c in others if councils.set_index("council").loc[c, "model"] == row["model"]]
    out.append(f"Its model is “{esc(row['model'])}”" + (f", shared with {names_list(peers)}." if peers else "; no other council shares it."))
    mine, rest = items[items["council"] == council], items[items["council"].isin(others)]
    if not mine.empty:
        t = _theme_counts(mine)
        line = f"Its commonest theme is {esc(label(t.index[0]))} ({t.iloc[0]} of {len(mine)} items)"
        if not rest.empty:
            other_top = _theme_counts(rest).index[0]
            line += f"; across the other councils it is {'also ' if other_top == t.index[0] else ''}{esc(label(other_top))}"
        out.append(line + ".")
    return out


# ---------------------------------------------------------------- figures and tables


def figure_html(fig, alt: str, caption: str = "") -> str:
    """A matplotlib figure as an embedded PNG with alt text that states its finding."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    with plt.rc_context({"text.parse_math": False}):
        fig.savefig(buf, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure><img src="data:image/png;base64,{data}" alt="{esc(alt)}">{cap}</figure>'


def table_html(df: pd.DataFrame, caption: str, row_header: bool = True) -> str:
    """An escaped, captioned table; the first column heads its row when ``row_header``."""
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in df.columns)
    rows = []
    for row in df.itertuples(index=False):
        cells = [esc(v) for v in row]
        first = f'<th scope="row">{cells[0]}</th>' if row_header else f"<td>{cells[0]}</td>"
        rows.append("<tr>" + first + "".join(f"<td>{c}</td>" for c in cells[1:]) + "</tr>")
    return (f'<div class="brief-table" role="region" aria-label="{esc(caption)}" tabindex="0">'
            f"<table><caption>{esc(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def _no_math(fn):
    """Run a plotting function with mathtext off, so a '$' in a council name is drawn as text."""
    import matplotlib.pyplot as plt

    with plt.rc_context({"text.parse_math": False}):
        return fn()


def _barh(values: pd.Series, title: str, xlabel: str, colour: str = "#1d70b8"):
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(8, 0.38 * len(values) + 1.4))
    bars = ax.barh(range(len(values)), values.values, color=colour)
    ax.set_yticks(range(len(values)), [label(i) for i in values.index])
    ax.invert_yaxis()
    ax.bar_label(bars, padding=3, fontsize=9)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def models_section(councils: pd.DataFrame, actions: pd.DataFrame) -> str:
    """Council × action matrix (or, for many councils, a prevalence chart) and the named models."""
    matrix = compare.council_matrix(actions) if not actions.empty else pd.DataFrame(columns=list(codebook.ACTIONS))
    matrix = matrix.reindex(councils["council"], fill_value=0)
    n = len(matrix)
    prevalence = matrix.sum().sort_values(ascending=False, kind="stable")
    if n == 0 or prevalence.iloc[0] == 0:
        return "<p>No restructuring action was found in any document.</p>"
    widest = [label(a) for a in prevalence.index[prevalence == prevalence.iloc[0]]]
    never = [label(a) for a in prevalence.index[prevalence == 0]]
    alt = ((f"The most widespread action, {widest[0]}, is" if len(widest) == 1 else
            f"The most widespread actions, {', '.join(widest)}, are each") + f" recorded for {prevalence.iloc[0]} of {n} councils"
           + (f"; {', '.join(never)} {'is' if len(never) == 1 else 'are'} recorded for none" if never else "") + ".")
    if n <= MAX_MATRIX_COUNCILS:
        most = matrix.sum(axis=1).sort_values(ascending=False, kind="stable")
        alt = (f"Grid of {n} councils against {matrix.shape[1]} restructuring actions. {most.index[0]} records the most "
               f"actions ({most.iloc[0]} of {matrix.shape[1]}). " + alt)
        fig = _no_math(lambda: compare.plot_matrix(matrix))
    else:
        fig = _no_math(lambda: _barh(prevalence, "Councils recording each restructuring action", "councils"))
    out = [figure_html(fig, alt, caption="Restructuring actions recorded in each council's documents. "
                                         "The table below gives the same information.")]
    if n <= MAX_MATRIX_COUNCILS:
        grid = pd.DataFrame({
            "Council": matrix.index,
            "Actions recorded": [", ".join(label(a) for a in matrix.columns[matrix.loc[c] > 0]) or "none" for c in matrix.index],
            "Count": matrix.sum(axis=1).values,
        })
        out.append(table_html(grid, "Restructuring actions recorded for each council"))
    model_rows = []
    for model, group in councils.groupby("model", sort=False):
        members = list(group["council"])
        model_rows.append({"Model": model, "Councils": len(members), "Which": names_list_plain(members)})
    models = pd.DataFrame(model_rows).sort_values("Councils", ascending=False, kind="stable")
    out.append(table_html(models, "Named restructuring models: councils grouped by the actions they share"))
    return "".join(out)


def names_list_plain(names, limit: int = 8) -> str:
    """Like :func:`names_list` but unescaped, for cells that :func:`table_html` escapes."""
    names = list(names)
    extra = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + extra


def themes_section(items: pd.DataFrame, focus: str = "") -> str:
    """Bar chart and table of item themes; with ``focus``, that council against the rest."""
    if items.empty:
        return "<p>No recommendation, proposal or decision was found.</p>"
    counts = _theme_counts(items)
    n = len(items)
    table = pd.DataFrame({
        "Theme": [label(t) for t in counts.index],
        "What it covers": [codebook.definition("theme", t) for t in counts.index],
        "Items": counts.values,
        "Share": [share(k, n) for k in counts.values],
        "Agreed": [int(((items["theme"] == t) & (items["status"] == "agreed")).sum()) for t in counts.index],
    })
    if focus:
        mine, rest = items[items["council"] == focus], items[items["council"] != focus]
        own = mine["theme"].value_counts().reindex(counts.index, fill_value=0)
        other = rest["theme"].value_counts().reindex(counts.index, fill_value=0)
        table.insert(4, f"{focus} items", own.values)
        top = own.idxmax() if len(mine) else None
        alt = (f"In the other councils' {len(rest)} items the commonest theme is {label(other.idxmax())} "
               f"({share(other.max(), len(rest))}); " if len(rest) else "") + (
               f"in {focus}'s {len(mine)} items it is {label(top)} ({share(own[top], len(mine))})." if top else
               f"{focus} has no items.")
        values = pd.DataFrame({"other councils": other / max(len(rest), 1), focus: own / max(len(mine), 1)})
        fig = _no_math(lambda: _grouped_share(values))
    else:
        used = counts[counts > 0]
        unused = [label(t) for t in counts.index[counts == 0]]
        alt = (f"Items by theme: {label(used.index[0])} is the commonest with {used.iloc[0]} of {n} items "
               f"({share(used.iloc[0], n)})" + (f", then {label(used.index[1])} with {used.iloc[1]}" if len(used) > 1 else "")
               + (f"; no item concerns {', '.join(unused)}" if unused else "") + ".")
        fig = _no_math(lambda: _barh(used, "Recommendations, proposals and decisions by theme", "items"))
    return (figure_html(fig, alt, caption="Themes of the recommendations, proposals and decisions found.")
            + table_html(table, "Items by theme (one dominant theme per item)"))


def _grouped_share(values: pd.DataFrame):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 0.5 * len(values) + 1.6))
    y = range(len(values))
    for k, (col, colour, hatch) in enumerate(zip(values.columns, ["#505a5f", "#1d70b8"], ["", "//"])):
        ax.barh([i + (k - 0.5) * 0.4 for i in y], values[col].values, height=0.4, color=colour, hatch=hatch,
                edgecolor="white", label=col)
    ax.set_yticks(list(y), [label(i) for i in values.index])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel("share of items")
    ax.set_title("Themes: this council against the other councils", loc="left")
    ax.legend(loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """Escaped, whitespace-collapsed quotation, cut at a word boundary."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    return esc(text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…")


def citation(doc: pd.Series) -> str:
    """Council, body, document, date — and a link to the source where it is an http(s) URL."""
    date = doc.get("date") if isinstance(doc.get("date"), str) and doc.get("date") else doc.get("year")
    parts = [doc.get("council") or "council not stated", doc.get("body"), doc.get("title"),
             date if pd.notna(date) and date != "" else "undated"]
    text = ", ".join(f"“{esc(p)}”" if i == 2 else esc(p) for i, p in enumerate(parts)
                     if isinstance(p, (str, int)) and str(p) and not (not isinstance(p, str) and pd.isna(p)))
    url = doc.get("source_url")
    if isinstance(url, str) and re.fullmatch(r"https?://[^\s\"'<>]+", url.strip()):
        text += f' — <a href="{esc(url.strip())}">source</a>'
    return f'{text} <span class="brief-file">(file {esc(doc.get("file"))})</span>'


def _card(i: int, row, acts: pd.DataFrame, docs: pd.DataFrame) -> str:
    """One council's card; the source is cited once when all its evidence comes from one document."""
    best = [acts[acts["action"] == a].sort_values(["confidence", "start"], ascending=[False, True]).iloc[0]
            for a in codebook.ACTIONS if a in set(acts["action"])]
    one_source = len({b["doc_id"] for b in best}) == 1
    entries = [
        f"<li><strong>{esc(label(b['action']))}</strong> — {esc(ACTION_PHRASES[b['action']])}"
        f"<blockquote><p>{quote(b['evidence'])}</p></blockquote>"
        + ("" if one_source else f'<p class="brief-cite">Source: {citation(docs.loc[b["doc_id"]])}</p>') + "</li>"
        for b in best
    ]
    source = f'<p class="brief-cite">Source of the quotations: {citation(docs.loc[best[0]["doc_id"]])}</p>' if one_source else ""
    body = f"{source}<ul>{''.join(entries)}</ul>" if entries else "<p>No restructuring action was found in its documents.</p>"
    return (f'<section class="brief-card" aria-labelledby="card-{i}"><h3 id="card-{i}">{esc(row.council)}</h3>'
            f"<p>Model: <strong>{esc(row.model)}</strong>. {plural(int(row.n_documents), 'document')}, "
            f"{esc(row.years or 'undated')}.</p>{body}</section>")


def council_cards(councils: pd.DataFrame, actions: pd.DataFrame, documents: pd.DataFrame, only: str | None = None) -> str:
    """One card per council (capped at :data:`MAX_CARDS`): its actions, one quoted piece of evidence each, a citation."""
    docs = documents.set_index("doc_id")
    rows = councils[councils["council"] == only] if only else councils
    n_actions = actions.groupby("council")["action"].nunique()
    order = (rows.assign(_n=rows["council"].map(n_actions).fillna(0), _unknown=rows["council"] == UNKNOWN)
             .sort_values(["_unknown", "_n", "council"], ascending=[True, False, True]))
    shown, rest = order.head(MAX_CARDS), order.iloc[MAX_CARDS:]
    cards = [_card(i, row, actions[actions["council"] == row.council], docs) for i, row in enumerate(shown.itertuples())]
    if len(rest):
        summary = pd.DataFrame({"Council": rest["council"], "Model": rest["model"], "Actions recorded": rest["_n"].astype(int)})
        cards.append(f"<p>{plural(len(rest), 'further council')} with fewer recorded actions:</p>"
                     + table_html(summary, "Councils without a card"))
    return "".join(cards)


def councils_section(councils: pd.DataFrame, actions: pd.DataFrame, documents: pd.DataFrame, focus: str = "") -> str:
    """Every council's card or, with ``focus``, that council against the rest and its card."""
    if not focus:
        return council_cards(councils, actions, documents)
    return comparison_table(focus, councils, actions) + council_cards(councils, actions, documents, only=focus)


def comparison_table(council: str, councils: pd.DataFrame, actions: pd.DataFrame) -> str:
    """For one council: each action, whether it is recorded there, and how many other councils record it."""
    others = [c for c in named_councils(councils) if c != council]
    own = set(actions.loc[actions["council"] == council, "action"])
    rows = [{"Action": label(a), council: "yes" if a in own else "–",
             "Other named councils": f"{actions.loc[(actions['action'] == a) & actions['council'].isin(others), 'council'].nunique()} of {len(others)}"}
            for a in codebook.ACTIONS]
    return table_html(pd.DataFrame(rows), f"Restructuring actions: {council} against the other named councils")


# ---------------------------------------------------------------- method and caveats


def gold_tables(annotations: Path, documents: pd.DataFrame) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The item and action gold labels that cover these documents (None where there are none)."""
    path = Path(annotations) / "actions_gold.csv"
    action_gold = compare.read_gold(path) if path.exists() else None
    files = set(documents["file"])
    out = [g[g["file"].isin(files)] if g is not None else None for g in (evaluate.read_gold(annotations), action_gold)]
    return tuple(g if g is not None and len(g) else None for g in out)


def _fmt(v) -> str:
    if isinstance(v, float):
        return "–" if pd.isna(v) else (f"{v:,.0f}" if v.is_integer() and abs(v) > 1 else f"{v:.2f}")
    return str(v)


METRIC_MEANING = {
    "gold items": "items coded by hand in these documents",
    "extracted items": "items the workbook found in the same documents",
    "item recall": "share of hand-coded items the workbook found",
    "item precision": "share of the workbook's items that match a hand-coded one",
    "kind accuracy": "share of matched items given the right kind (recommendation, proposal, decision …)",
    "status accuracy": "share of matched items given the right status (proposed, agreed, deferred …)",
    "theme accuracy": "share of matched items given the right theme",
    "kind kappa": "agreement on kind beyond chance (1 = perfect, 0 = chance)",
    "status kappa": "agreement on status beyond chance (1 = perfect, 0 = chance)",
    "theme kappa": "agreement on theme beyond chance (1 = perfect, 0 = chance)",
}


def _measured(what: str, fn, *args) -> pd.DataFrame | str:
    """``fn(*args)``, or a sentence saying the measurement failed; the traceback is logged, and so kept in
    the executed notebook (``reports/executed/``) though not in the briefing."""
    try:
        return fn(*args)
    except Exception as exc:  # the briefing is still written; the failure is stated in it and logged
        log.exception("measuring the accuracy of the %s failed", what)
        return (f"<p><strong>The accuracy of the {what} could not be measured in this run</strong> "
                f"({esc(type(exc).__name__)}; the traceback is in the executed notebook).</p>")


def quality_section(items: pd.DataFrame, actions: pd.DataFrame, documents: pd.DataFrame, annotations: Path) -> str:
    """Measured accuracy on the hand-coded gold labels, or a plain statement of why there is none."""
    item_gold, action_gold = gold_tables(annotations, documents)
    out = []
    if item_gold is None:
        out.append("<p>No hand-coded gold labels cover these documents, so the accuracy of the items was not measured.</p>")
    else:
        q = _measured("items", evaluate.item_quality, items, documents, item_gold)
        if isinstance(q, str):
            out.append(q)
        else:
            v = dict(zip(q["metric"], q["value"]))
            if {"item recall", "item precision"} <= set(v):
                out.append(f"<p>Items were checked against {plural(len(item_gold), 'hand-coded item')} in "
                           f"{plural(item_gold['file'].nunique(), 'document')}: the workbook found "
                           f"{v['item recall']:.0%} of them (recall), and {v['item precision']:.0%} of the items it "
                           f"found in those documents match one (precision).</p>")
            out.append(table_html(pd.DataFrame({"Measure": q["metric"], "Value": q["value"].map(_fmt),
                                                "What it means": q["metric"].map(lambda m: METRIC_MEANING.get(m, ""))}),
                                  "Accuracy of the items on the gold labels"))
    if action_gold is None:
        out.append("<p>No hand-coded gold labels for restructuring actions cover these documents.</p>")
    else:
        q = _measured("restructuring actions", compare.action_quality, actions, documents, action_gold)
        if isinstance(q, str):
            out.append(q)
        else:
            allrow = q[q["action"] == "all"]
            if len(allrow):
                r = allrow.iloc[0]
                out.append(f"<p>Restructuring actions, all together: precision {_fmt(r['precision'])}, recall "
                           f"{_fmt(r['recall'])} (F1 {_fmt(r['f1'])}) over {_fmt(r['support'])} hand-coded "
                           "document × action pairs. Precision is the share of recorded actions that the gold labels "
                           "confirm; recall is the share of gold actions that were found.</p>")
            q = q[(q["support"] > 0) | (q.get("predicted", q["support"]) > 0)]
            shown = pd.DataFrame({"Action": q["action"].map(label), **{c.capitalize(): q[c].map(_fmt)
                                  for c in ["precision", "recall", "f1", "support"]}})
            out.append(table_html(shown, "Accuracy of the restructuring actions on the gold labels"))
    return "".join(out)


def caveats(documents: pd.DataFrame, councils: pd.DataFrame, items: pd.DataFrame) -> list[str]:
    """What readers should not conclude, with the figures that make each caveat concrete."""
    n_docs, named = len(documents), named_councils(councils)
    out = [
        f"This corpus is {plural(n_docs, 'document')} from {plural(len(named), 'named council')}: it is not a sample of UK "
        "councils, and shares and counts here do not describe councils in general.",
        "An action that is not recorded for a council was not found in its documents; the council may still have taken it.",
        "The documents record what was proposed, decided or said at the time, not what happened afterwards.",
    ]
    undated = int(documents["year"].isna().sum())
    if undated:
        out.append(f"{undated} of {n_docs} documents carry no date, so changes over time cannot be read from this corpus.")
    if (councils["council"] == UNKNOWN).any():
        out.append("One group of documents names no council; its actions are not counted in any council's figures.")
    if len(items) and (items["status"] == "proposed").mean() > 0.5:
        out.append("Most items are proposals or recommendations: they are not decisions.")
    out.append("Models are names given to groups of councils with similar recorded actions; they are a summary for "
               "comparison, not a classification used by the councils themselves.")
    return out


def list_html(lines: list[str], cls: str = "") -> str:
    return f'<ul class="{cls}">' + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ul>"


# ---------------------------------------------------------------- export


def export_html(executed_notebook: Path, out: Path, title: str = "Partnership review briefing") -> Path:
    """Export an executed notebook to one offline HTML file: no code, prompts, printed text or warnings,
    and no cell tagged :data:`NOTEBOOK_ONLY`."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(executed_notebook), as_version=4)
    nb.metadata["title"] = title
    nb.cells = [c for c in nb.cells if NOTEBOOK_ONLY not in c.get("metadata", {}).get("tags", [])]
    for cell in nb.cells:  # printed text and warnings are for researchers, not for the briefing
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if o.output_type != "stream"]
    exporter = HTMLExporter(
        template_name="briefing",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
        embed_images=True,
    )
    exporter.language_code = "en"
    body, _ = exporter.from_notebook_node(nb)
    atomic_write_text(Path(out), body)
    size = len(body.encode("utf-8"))
    if size > MAX_BYTES:
        log.warning("briefing %s is %.1f MB, above the %.0f MB aim", out, size / 1e6, MAX_BYTES / 1e6)
    return Path(out)
