"""Charts drawn on the server as inline SVG: bars and a paths diagram, each bar a link to its people.

No script and no style attribute (the CSP allows neither): shapes carry presentation attributes
and classes that insights.css colours. Each chart has a <title> and <desc>; the page adds a list
with the same numbers for screen readers and text browsers.
"""

from typing import Any

from markupsafe import Markup, escape

ROW, LABEL_W, BAR_W, PAD = 26, 170, 210, 6


def _clip(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _count_words(bar: dict[str, Any], unit: str) -> str:
    share = f" ({bar['share'] * 100:.0f}%)" if "share" in bar else ""
    years = f", typically {bar['years']:g} years in" if bar.get("years") is not None else ""
    return f"{bar['count']} {unit if bar['count'] == 1 else unit + 's'}{share}{years}"


def bar_chart(chart_id: str, title: str, bars: list[dict[str, Any]], unit: str = "person",
              extra: str = "") -> Markup:
    """Horizontal bars, longest first as given; ``extra`` names a second count per bar ("met")."""
    if not bars:
        return Markup("")
    peak = max(b["count"] for b in bars) or 1
    height = ROW * len(bars) + PAD * 2
    width = LABEL_W + BAR_W + 130
    desc = "; ".join(f"{b['label']}: {_count_words(b, 'person')}" for b in bars)
    parts = [f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {width} {height}" width="100%" '
             f'role="img" aria-labelledby="{escape(chart_id)}-t {escape(chart_id)}-d">',
             f'<title id="{escape(chart_id)}-t">{escape(title)}</title>',
             f'<desc id="{escape(chart_id)}-d">{escape(desc)}</desc>']
    for n, bar in enumerate(bars):
        y = PAD + n * ROW
        w = max(2, round(BAR_W * bar["count"] / peak))
        words = _count_words(bar, unit)
        parts.append(f'<a href="{escape(bar["url"])}" class="bar-link"><title>{escape(bar["label"])}: '
                     f'{escape(words)}</title>'
                     f'<text x="{LABEL_W - 8}" y="{y + 17}" text-anchor="end" class="bar-label">'
                     f'{escape(_clip(bar["label"], 24))}</text>'
                     f'<rect x="{LABEL_W}" y="{y + 4}" width="{w}" height="{ROW - 8}" rx="3" class="bar"/>')
        if extra and bar.get(extra) is not None:
            inner = round(BAR_W * bar[extra] / peak)
            parts.append(f'<rect x="{LABEL_W}" y="{y + 4}" width="{inner}" height="{ROW - 8}" rx="3" class="bar-inner"/>')
        label = f"{bar['count']}" + (f" · {bar[extra]} {extra}" if extra and bar.get(extra) is not None else "")
        if "share" in bar:
            label += f" · {bar['share'] * 100:.0f}%"
        if bar.get("years") is not None:
            label += f" · {bar['years']:g} yrs"
        parts.append(f'<text x="{LABEL_W + w + 6}" y="{y + 17}" class="bar-value">{escape(label)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def paths_diagram(chart_id: str, target_label: str, into: list[dict[str, Any]], onward: list[dict[str, Any]],
                  people_url: str) -> Markup:
    """Where people came from (left), the target role (middle), where they went next (right)."""
    if not into and not onward:
        return Markup("")
    rows = max(len(into), len(onward), 1)
    height, width = rows * 44 + 20, 900
    mid_x, mid_y = width / 2, height / 2
    peak = max([b["count"] for b in into + onward] or [1])
    desc = ("Before: " + "; ".join(f"{b['label']} {b['count']}" for b in into)
            + ". After: " + "; ".join(f"{b['label']} {b['count']}" for b in onward) + ".")
    parts = [f'<svg class="chart paths" id="{escape(chart_id)}" viewBox="0 0 {width} {height}" width="100%" '
             f'role="img" aria-labelledby="{escape(chart_id)}-t {escape(chart_id)}-d">',
             f'<title id="{escape(chart_id)}-t">Paths into and out of {escape(target_label)}</title>',
             f'<desc id="{escape(chart_id)}-d">{escape(desc)}</desc>']
    for side, bars in (("in", into), ("out", onward)):
        for n, bar in enumerate(bars):
            y = mid_y + (n - (len(bars) - 1) / 2) * 44  # each column centred on the target
            x = 200 if side == "in" else width - 200
            thick = max(2, round(18 * bar["count"] / peak))
            start, end = (x, mid_x - 80) if side == "in" else (mid_x + 80, x)
            y1, y2 = (y, mid_y) if side == "in" else (mid_y, y)
            curve = f"M{start},{y1} C{(start + end) / 2},{y1} {(start + end) / 2},{y2} {end},{y2}"
            anchor, tx = ("end", x - 8) if side == "in" else ("start", x + 8)
            parts.append(f'<a href="{escape(bar["url"])}" class="path-link"><title>{escape(bar["label"])}: '
                         f'{bar["count"]}</title><path d="{curve}" stroke-width="{thick}" class="flow flow-{side}" '
                         f'fill="none"/><text x="{tx}" y="{y + 5}" text-anchor="{anchor}" class="bar-label">'
                         f'{escape(_clip(bar["label"], 26))} · {bar["count"]}</text></a>')
    parts.append(f'<a href="{escape(people_url)}"><rect x="{mid_x - 80}" y="{mid_y - 22}" width="160" height="44" '
                 f'rx="8" class="node"/><text x="{mid_x}" y="{mid_y + 5}" text-anchor="middle" class="node-label">'
                 f'{escape(_clip(target_label, 22))}</text></a></svg>')
    return Markup("".join(parts))
