"""The lines a news agency signs its copy with when another site prints it: "The Associated
Press contributed to this report.", "Associated Press writer Jane Roe in Cairo contributed.",
"This article was originally published by Reuters.", and the agency's notice to subscribers
("Anadolu Agency website contains only a portion of the news stories ...").

Two readers need them: the boilerplate filter keeps them out of the body, and outlet detection
reads the agency's name in them (the `names` group) as the copy's wire. One table serves both,
so a form added for one is known to the other.
"""

from __future__ import annotations

import re

_REPORT = r"(?:report|story|article)"

AGENCY_FOOTERS = (
    # "Associated Press writers Jane Roe and John Doe contributed to this report.": an
    # agency's writers (tried first: the plain form would take the writers for names)
    re.compile(
        r"(?:the\s+)?(?P<names>[A-Z][\w.&'’ -]{1,40}?)\s+(?:writers?|reporters?|correspondents?)"
        rf"\s+[^.;:!?]{{2,120}}?\s+contributed(?:\s+to\s+this\s+{_REPORT})?\.?",
        re.IGNORECASE,
    ),
    # "The Associated Press contributed to this report.", "Reuters contributed reporting."
    re.compile(
        rf"(?:the\s+)?(?P<names>[A-Z][\w.&'’ ,-]{{1,60}}?)\s+contributed\s+(?:to\s+this\s+{_REPORT}"
        r"|reporting)\.?",
        re.IGNORECASE,
    ),
    # "This article was originally published by Reuters."
    re.compile(
        rf"(?:this\s+{_REPORT}\s+was\s+)?originally\s+published\s+by\s+(?=.{{2,60}}$)"
        r"(?:the\s+)?(?P<names>.+?)\.?",
        re.IGNORECASE,
    ),
    # "X website contains only a portion of the news stories offered to subscribers ..."
    re.compile(
        r"(?P<names>.{2,40}?)\s+website\s+contains\s+only\s+a\s+portion\s+of\s+the\s+news"
        r"\s+stories.*",
        re.IGNORECASE,
    ),
)


def agency_footer(line: str) -> re.Match[str] | None:
    """The match of the agency's signature the whole line is, with its `names`, else None."""
    for pattern in AGENCY_FOOTERS:
        found = pattern.fullmatch(line)
        if found is not None:
            return found
    return None
