"""Write src/rashomon/web/data/countries.json: simplified country outlines for the workbench map.

The outlines are Natural Earth's 1:110m admin-0 countries (public domain), as shipped in the
`naturalearth_lowres` test fixture of the pyogrio wheel on PyPI. Run once, by hand, when the
outlines should change; the workbench reads only the JSON this writes, offline:

    pip download --no-deps -d /tmp/wheels pyogrio && unzip -o /tmp/wheels/pyogrio-*.whl \
        'pyogrio/tests/fixtures/naturalearth_lowres/*' -d /tmp/ne
    pip install pyshp
    python scripts/make_country_outlines.py /tmp/ne/pyogrio/tests/fixtures/naturalearth_lowres/naturalearth_lowres

Coordinates are rounded to 0.05 degrees and consecutive repeats dropped (a country is a few
pixels wide on a story map, so finer detail only adds bytes); rings reduced to under 4 points
are left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapefile  # pyshp

STEP = 0.05
OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "web" / "data" / "countries.json"


def rounded(value: float) -> float:
    return round(round(value / STEP) * STEP, 2)


def main(path: str) -> None:
    reader = shapefile.Reader(path)
    names = [f[0] for f in reader.fields[1:]]
    countries = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        fields = dict(zip(names, record, strict=True))
        bounds = [*shape.parts, len(shape.points)]
        rings = []
        for start, end in zip(bounds, bounds[1:], strict=False):
            ring: list[list[float]] = []
            for lon, lat in shape.points[start:end]:
                point = [rounded(lon), rounded(lat)]
                if not ring or ring[-1] != point:
                    ring.append(point)
            if len(ring) >= 4:
                rings.append(ring)
        if rings:
            iso = fields["iso_a3"] if fields["iso_a3"] != "-99" else None
            countries.append({"name": fields["name"], "iso3": iso, "rings": rings})
    source = "Natural Earth 1:110m admin-0 countries (public domain), via pyogrio's fixture"
    OUT.write_text(json.dumps({"source": source, "countries": countries},
                              separators=(",", ":")) + "\n", encoding="utf-8")  # fmt: skip
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
