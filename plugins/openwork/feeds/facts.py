"""The facts of an entry's header card, as plain HTML for feed readers.

On the site an incident's severity, status, impact and durations, and an experiment's status,
outcome and hypothesis, are in the header card above the body. A feed item carries only the
body, so without these a reader following the incidents feed would not know how bad an
incident was or whether it is over. Feed readers strip classes and styles, so this is plain
paragraphs and a list, and every value is escaped.
"""

from __future__ import annotations

from html import escape

from openwork.content.dates import human_duration
from openwork.content.model import Entry
from openwork.render.renderer import format_date


def _e(value: object) -> str:
    return escape(str(value), quote=False)  # text only: no value lands in an attribute


def facts_html(entry: Entry) -> str:
    """HTML to put before the body in a feed item, or '' for an entry with no card facts."""
    parts = [*_amendments(entry), *_incident(entry), *_experiment(entry)]
    return "\n".join(parts) + "\n<hr />\n" if parts else ""


def _amendments(entry: Entry) -> list[str]:
    # Newest first: a reader sees an updated item again and wants to know what changed.
    return [
        f"<p><strong>Amended {_e(format_date(a.at))}:</strong> {_e(a.note)}</p>"
        for a in sorted(entry.amendments, key=lambda a: a.at, reverse=True)
    ]


def _incident(entry: Entry) -> list[str]:
    inc = entry.incident
    if inc is None:
        return []
    out = [
        f"<p><strong>{_e(inc.severity)} incident, {_e(inc.status)}.</strong> "
        f"Impact: {_e(inc.impact)}</p>"
    ]
    details = []
    if inc.services:
        details.append(f"<li>Services: {_e(', '.join(inc.services))}</li>")
    durations = entry.durations()
    if durations:
        timings = ", ".join(f"{name} {human_duration(d)}" for name, d in durations.items())
        details.append(f"<li>Time to {_e(timings)}</li>")
    if inc.actions:
        still_open = sum(1 for a in inc.actions if a.status == "open")
        count = len(inc.actions)
        state = f"{still_open} open" if still_open else "all done"
        details.append(f"<li>{count} follow-up action{'s' * (count != 1)}, {state}</li>")
    if details:
        out.append("<ul>\n" + "\n".join(details) + "\n</ul>")
    return out


def _experiment(entry: Entry) -> list[str]:
    exp = entry.experiment
    if exp is None:
        return []
    status = _e(exp.status)
    if exp.outcome:
        status += f": {_e(exp.outcome)}"
    dates = []
    if exp.started:
        dates.append(f"started {_e(format_date(exp.started))}")
    if exp.ended:
        dates.append(f"ended {_e(format_date(exp.ended))}")
    when = f" ({', '.join(dates)})" if dates else ""
    return [
        f"<p><strong>Experiment, {status}</strong>{when}.</p>",
        f"<blockquote><p>{_e(exp.hypothesis)}</p></blockquote>",
    ]
