"""Reading the table of terms: a CSV (UTF-8, comma-separated) or the first sheet of an XLSX.

Every cell comes back as text, the way a person typed it: a date cell of a spreadsheet as
YYYY-MM-DD, a number without a spurious ``.0``. The header row is the first non-empty row.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

# A table of terms for a few thousand letters is well under this; a larger file was picked by mistake.
MAX_TABLE_BYTES = 50 * 1024 * 1024


class TableError(Exception):
    """The table cannot be read; the message names the file and what to do."""


@dataclass(frozen=True, slots=True)
class Table:
    """``rows`` pairs each row's number in the file (as a spreadsheet shows it) with its cells."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(repr(value)))
    return str(value).strip()


def _table(raw_rows: list[tuple[int, list[str]]], name: str) -> Table:
    rows = [(n, cells) for n, cells in raw_rows if any(c.strip() for c in cells)]
    if not rows:
        raise TableError(f"{name} is empty: its first row must name the terms, the rows below give each letter's")
    (_, headers), body = rows[0], rows[1:]
    width = len(headers)
    for number, cells in body:
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            raise TableError(f"{name}, row {number}: it has more cells than the header has columns")
    return Table(
        tuple(h.strip() for h in headers),
        tuple((n, tuple((cells + [""] * width)[:width])) for n, cells in body),
    )


def _read_csv(path: Path) -> Table:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(f"{path.name} is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'") from None
    try:
        reader = csv.reader(text.splitlines())
        return _table([(i, row) for i, row in enumerate(reader, start=1)], path.name)
    except csv.Error as exc:
        raise TableError(f"{path.name} is not a readable CSV ({exc})") from None


def _read_xlsx(path: Path) -> Table:
    import zipfile

    import openpyxl  # loaded only for a spreadsheet

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError(f"{path.name} is not a readable Excel workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        rows = [(i, [_cell_text(v) for v in row]) for i, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
    return _table(rows, f"{path.name} (sheet {sheet.title!r})")


def read_table(path: Path) -> Table:
    """Read a ``.csv`` or ``.xlsx`` table of terms. Raises :class:`TableError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise TableError(f"{path.name}: the terms must be a .csv or .xlsx file")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise TableError(f"{path}: no such file") from None
    except OSError as exc:
        raise TableError(f"{path}: cannot be read ({exc.strerror})") from None
    if size > MAX_TABLE_BYTES:
        raise TableError(f"{path.name} is {size // (1024 * 1024)} MB, far larger than a table of terms")
    try:
        return _read_csv(path) if suffix == ".csv" else _read_xlsx(path)
    except PermissionError:
        raise TableError(f"{path.name}: you do not have permission to read it") from None


__all__ = ["Table", "TableError", "read_table"]
