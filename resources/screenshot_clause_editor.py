"""Make resources/screenshot-clause-editor.png: the clause editor over the sample letter.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshot_clause_editor.py [OUT.png]

The sample letter with the Base Compensation clause already worded for this letter (tinted in the
preview, marked in the navigator) and a clawback alternate chosen; the clause editor is open on it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.file_format import dumps, new_file  # noqa: E402
from app.domain.sample import SAMPLE_TERMS  # noqa: E402
from app.ui import wording_actions  # noqa: E402
from app.ui.app import application, open_for_screenshot  # noqa: E402
from resources.screenshot_batch import over_window  # noqa: E402

OWN = ("Your base salary will be [[compensation.base_salary]] a year, payable in equal installments on the "
       "Company's regular payroll dates (currently [[compensation.pay_frequency]]), and reviewed by the "
       "Compensation Committee each year.")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("screenshot-clause-editor.png")
    app = application()
    with tempfile.TemporaryDirectory(prefix="offers-") as tmp:
        draft = {**SAMPLE_TERMS, "wording": [{"clause": "compensation.1", "text": OWN},
                                             {"clause": "clawback", "alternate": "pro-rata"}]}
        letter = Path(tmp) / "cfo-offer.offer.json"
        letter.write_text(dumps(new_file(draft)), encoding="utf-8")
        window = open_for_screenshot(letter, Path(tmp) / "config")
        window.select_section("compensation")
        app.processEvents()
        window.preview_pane.scroll_to_section("compensation", ("compensation",))
        editor = wording_actions.clause_editor(window, "compensation.1")
        assert editor is not None
        editor.resize(760, 400)
        editor.show()
        app.processEvents()
        picture = window.grab()
        over_window(picture, editor.grab(), editor.windowTitle())
        ok = picture.save(str(out))
        editor.close()
        window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
