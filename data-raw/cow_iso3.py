"""Write the COW-code to ISO3 crosswalk Foedus ships (``datasets/_derived/cow_iso3.csv``).

Run from the repository root after changing the COW state list or the overrides:
``python data-raw/cow_iso3.py``. ``tests/datasets/test_readers.py`` checks that the
shipped file still agrees with ``country_converter``.
"""

from __future__ import annotations

import csv

from foedus.datasets.cow_states import ISO3_FILE, compute_iso3, read_states


def main() -> None:
    names = read_states().unique("ccode", keep="last").sort("ccode")
    crosswalk = compute_iso3(list(zip(names["ccode"], names["statenme"], strict=True)))
    ISO3_FILE.parent.mkdir(parents=True, exist_ok=True)
    with ISO3_FILE.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["ccode", "iso3"])
        writer.writerows((ccode, iso or "") for ccode, iso in sorted(crosswalk.items()))


if __name__ == "__main__":
    main()
