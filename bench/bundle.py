"""Benchmark the installed bundle against the source install: its size, and cold starts.

Run from the repository root, after ``bash packaging/build_linux.sh``::

    .venv/bin/python bench/bundle.py [--bundle packaging/dist/offerdesk] [--starts N]

Size: the bundle folder on disk (what install.sh copies) and its .tar.gz if it is beside it.
Start: whole processes, timed from launch to exit, each command run N times (default 7) alternating
the bundle's ``offerdesk`` and the source install's ``.venv/bin/offerdesk``, medians reported with their
ratio: ``new --sample`` (the command line: Python, pydantic, the sample) and ``gui --sample
--quit-after-show`` (the window painted with its first form, offscreen). Both run from a temporary
folder, with settings in it; the source install gets a private bytecode cache filled by a warm-up
run, as an installed copy has, and the bundle gets one warm-up run too (the file cache). Prints
figures only; no target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "new --sample": ["new", "--sample"],
    "gui --sample (painted)": ["gui", "--sample", "--quit-after-show"],
}


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_once(program: Path, args: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(program), *args], env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "packaging" / "dist" / "offerdesk")
    parser.add_argument("--starts", type=int, default=7)
    args = parser.parse_args(argv)
    bundle_program = args.bundle / "offerdesk"
    source_program = ROOT / ".venv" / "bin" / "offerdesk"
    if not bundle_program.is_file():
        print(f"no bundle at {args.bundle}: run `bash packaging/build_linux.sh` first", file=sys.stderr)
        return 2
    size = folder_size(args.bundle)
    archive = args.bundle.parent / "offerdesk-linux-x86_64.tar.gz"
    print(f"bundle {args.bundle}: {size / 2**20:.0f} MB in {sum(1 for _ in args.bundle.rglob('*'))} files"
          + (f"; {archive.name} {archive.stat().st_size / 2**20:.0f} MB" if archive.is_file() else ""))
    with tempfile.TemporaryDirectory(prefix="offerdesk-bench-bundle-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "OFFERDESK_CONFIG_DIR": str(folder / "config"), "OFFERDESK_DATA_DIR": str(folder / "data"),
               "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("PYTHONPATH", None)
        print(f"cold starts, median of {args.starts}, whole process launch to exit")
        for label, command in COMMANDS.items():
            times: dict[str, list[float]] = {"bundle": [], "source": []}
            for program in (bundle_program, source_program):
                run_once(program, command, env, folder)  # warm-up
            for _ in range(args.starts):
                times["bundle"].append(run_once(bundle_program, command, env, folder))
                times["source"].append(run_once(source_program, command, env, folder))
            bundle_ms = statistics.median(times["bundle"]) * 1000
            source_ms = statistics.median(times["source"]) * 1000
            print(f"  {label:24} bundle {bundle_ms:7.0f} ms   source {source_ms:7.0f} ms   "
                  f"ratio {bundle_ms / source_ms:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
