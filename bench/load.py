"""Opening a letter file: parse_json's limits (nesting, huge numbers, surrogates) against plain json.loads.

The limits walk every letter file opened (by the editor and the CLI) in Python after json's C
parser, so they cost several times json.loads itself; what matters is what they add to opening a
letter. Prints medians and the ratio; exits 1 when the limits add more than 1 ms to the sample
file, or opening it (parse + validate) takes more than 20 ms.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.file_format import dumps, load_letter, new_file  # noqa: E402
from app.domain.json_limits import parse_json  # noqa: E402
from app.domain.sample import sample_letter  # noqa: E402
from bench.timing import median_ms  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=500)
    args = parser.parse_args()
    text = dumps(new_file(sample_letter()))
    plain = median_ms(lambda _i: json.loads(text), args.repeat)
    limited = median_ms(lambda _i: parse_json(text), args.repeat)
    opened = median_ms(lambda _i: load_letter(text), args.repeat)
    ratio = limited / plain
    print(f"sample letter file: {len(text):,} characters")
    print(f"json.loads                      {plain:8.3f} ms")
    print(f"parse_json (with the limits)    {limited:8.3f} ms   ratio {ratio:.2f}")
    print(f"load_letter (parse + validate)  {opened:8.3f} ms")
    print(f"the limits add                  {limited - plain:8.3f} ms to opening")
    return 0 if limited - plain <= 1 and opened <= 20 else 1


if __name__ == "__main__":
    sys.exit(main())
