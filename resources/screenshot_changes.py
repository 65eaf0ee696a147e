"""Make resources/screenshot-changes.png: the Changes tab after a negotiation round on an example letter.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshot_changes.py [OUT.png]

The baseline is the CEO example as sent; the draft raises the salary, lengthens the Change of Control
window, drops the non-compete and adds a second sign-on installment.
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.file_format import load_letter  # noqa: E402
from app.ui.app import application, open_for_screenshot  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ceo-double-trigger.offer.json"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("screenshot-changes.png")
    app = application()
    _, sent, _ = load_letter(EXAMPLE.read_text(encoding="utf-8"))
    assert sent is not None
    with tempfile.TemporaryDirectory(prefix="offers-") as tmp:
        draft = copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))
        terms = draft["draft"]
        terms["compensation"]["base_salary"] = "700000.00"
        terms["termination"]["change_of_control"]["protection_months"] = 24
        terms["covenants"]["noncompete"] = None
        terms["cash_awards"][0]["installments"].append(
            {"amount": "100000.00", "timing": "months_after_start", "months_after_start": 12})
        letter = Path(tmp) / "ceo-offer.offer.json"
        letter.write_text(json.dumps(draft, indent=2), encoding="utf-8")
        window = open_for_screenshot(letter, Path(tmp) / "config")
        window.compare_with(sent, "As sent, November 20, 2026")
        window.side_tabs.setCurrentIndex(2)
        for _ in range(40):
            app.processEvents()
        window.select_section("termination")
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out))
        window.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
