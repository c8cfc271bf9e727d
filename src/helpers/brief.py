"""Stage 5 — brief: the HTML briefing for council members.

The notebook ``05_briefing`` calls these functions to build escaped HTML sections
from the tables; :func:`export_html` turns the executed notebook into one
self-contained, offline HTML file with no code in it.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import re
from pathlib import Path

import pandas as pd

from . import codebook
from .config import TEMPLATES_DIR
from .tables import atomic_write_text

esc = html.escape


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural_word or word + 's')}"


def corpus_line(documents: pd.DataFrame) -> str:
    councils = documents["council"].dropna().unique()
    years = sorted(int(y) for y in documents["year"].dropna().unique())
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "years not stated")
    return (f"{plural(len(documents), 'document')} from {plural(len(councils), 'council')} "
            f"({esc(', '.join(sorted(councils)))}); {span}")


def key_findings(councils: pd.DataFrame, actions: pd.DataFrame, items: pd.DataFrame) -> list[str]:
    """Plain-English findings computed from the tables."""
    n = len(councils)
    out = []
    by_action = actions.groupby("action")["council"].nunique().sort_values(ascending=False)
    for action, k in by_action.head(4).items():
        out.append(f"{k} of {n} councils' documents state {esc(ACTION_PHRASES.get(action, action))}.")
    if not items.empty:
        theme = items["theme"].value_counts()
        out.append(
            f"{len(items)} recommendations, proposals and decisions were found; the commonest theme is "
            f"{esc(theme.index[0].replace('_', ' '))} ({theme.iloc[0]} items, {theme.iloc[0] / len(items):.0%})."
        )
        agreed = (items["status"] == "agreed").mean()
        out.append(f"{agreed:.0%} of items are recorded as agreed or under way; the rest are proposed, deferred or noted.")
    return out


ACTION_PHRASES = {
    "merge": "a merger of partnership bodies",
    "dissolve": "that a body or its sub-groups ceases",
    "create": "that a new board, group or sub-committee is set up",
    "regionalise": "a joint or regional body across council boundaries",
    "streamline": "a simpler structure with fewer bodies or less duplication",
    "task_and_finish": "a move to task-and-finish groups or commissioning",
    "meeting_frequency": "a change in how often a board meets",
    "membership": "a change of membership, chairing or representation",
    "terms_of_reference": "revised terms of reference, protocols or governance arrangements",
    "review": "a review of partnership arrangements",
    "pooled_resources": "pooled budgets, joint commissioning or shared services",
    "statutory_alignment": "alignment with statutory or national bodies",
}


def figure_html(fig, alt: str, caption: str = "") -> str:
    """A matplotlib figure as an embedded PNG with alt text that states its finding."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure><img src="data:image/png;base64,{data}" alt="{esc(alt, quote=True)}">{cap}</figure>'


def table_html(df: pd.DataFrame, caption: str = "") -> str:
    """An escaped HTML table with a caption and header cells."""
    head = "".join(f'<th scope="col">{esc(str(c))}</th>' for c in df.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc('' if pd.isna(v) else str(v))}</td>" for v in row) + "</tr>"
        for row in df.itertuples(index=False)
    )
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def quote(text: str, limit: int = 320) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return esc(text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…")


def citation(doc: pd.Series) -> str:
    parts = [doc.get("council"), doc.get("body"), doc.get("title"), doc.get("date") or doc.get("year")]
    text = ", ".join(esc(str(p)) for p in parts if isinstance(p, str) and p or isinstance(p, (int,)) and p)
    url = doc.get("source_url")
    if isinstance(url, str) and re.match(r"https?://", url):
        text += f' — <a href="{esc(url, quote=True)}">source</a>'
    return f'{text} <span class="brief-cite">[{esc(str(doc.get("file")))}]</span>'


def council_cards(councils: pd.DataFrame, actions: pd.DataFrame, documents: pd.DataFrame, only: str | None = None) -> str:
    """One card per council: its model, its actions each with one quoted piece of evidence and a citation."""
    docs = documents.set_index("doc_id")
    cards = []
    for row in councils.itertuples():
        if only and row.council != only:
            continue
        acts = actions[actions["council"] == row.council]
        items = []
        for action, group in acts.groupby("action", sort=False):
            best = group.sort_values("confidence", ascending=False).iloc[0]
            items.append(
                f"<li><strong>{esc(action.replace('_', ' '))}</strong>: "
                f"<blockquote>{quote(best['evidence'])}</blockquote>"
                f"<span class=\"brief-cite\">{citation(docs.loc[best['doc_id']])}</span></li>"
            )
        body = f"<ul>{''.join(items)}</ul>" if items else "<p>No restructuring action was found in its documents.</p>"
        cards.append(
            f'<section class="brief-card" aria-label="{esc(row.council, quote=True)}">'
            f"<h3>{esc(row.council)}</h3>"
            f"<p>Model: <strong>{esc(row.model or '')}</strong>. Documents: {row.n_documents}. Years: {esc(row.years or 'not stated')}.</p>"
            f"{body}</section>"
        )
    return "".join(cards)


def produced_on() -> str:
    return dt.date.today().strftime("%-d %B %Y")


def export_html(executed_notebook: Path, out: Path, title: str = "Partnership review briefing") -> Path:
    """Export an executed notebook to one offline HTML file with no code and no prompts."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(executed_notebook), as_version=4)
    nb.metadata["title"] = title
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
    return Path(out)
