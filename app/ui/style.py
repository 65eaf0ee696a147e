"""The window's style sheet and state colours: red for errors, amber for warnings, green for complete."""

from __future__ import annotations

from app.domain.sections import SectionState

ERROR_COLOR = "#c62828"
WARNING_COLOR = "#b26a00"
COMPLETE_COLOR = "#2e7d32"

STATE_COLORS = {
    SectionState.COMPLETE: COMPLETE_COLOR,
    SectionState.WARNING: WARNING_COLOR,
    SectionState.ERROR: ERROR_COLOR,
}

STYLE_SHEET = f"""
QFrame#fieldFrame {{ border: 2px solid transparent; border-radius: 4px; }}
QFrame#fieldFrame[problem="error"] {{ border-color: {ERROR_COLOR}; }}
QFrame#fieldFrame[problem="warning"] {{ border-color: #f0a202; }}
QLabel#fieldMessage[problem="error"], QLabel#sectionMessage[problem="error"] {{ color: {ERROR_COLOR}; }}
QLabel#fieldMessage[problem="warning"], QLabel#sectionMessage[problem="warning"] {{ color: {WARNING_COLOR}; }}
QLabel#sectionMessage {{ padding: 4px 0; }}
QLabel#sectionTitle {{ font-size: 15pt; font-weight: 600; padding-bottom: 4px; }}
QLabel#sectionNote, QLabel#offNote {{ color: palette(placeholder-text); font-style: italic; }}
QLabel#previewBanner {{
    background: #fff4d6; color: #5c3d00; border: 1px solid #f0a202; border-radius: 4px; padding: 6px;
}}
QFrame#messageBar {{ border-radius: 4px; }}
QFrame#messageBar[level="error"] {{ background: #fde8e8; border: 1px solid {ERROR_COLOR}; }}
QFrame#messageBar[level="warning"] {{ background: #fff4d6; border: 1px solid #f0a202; }}
QFrame#messageBar[level="info"] {{ background: #e8f1fd; border: 1px solid #5b8def; }}
QFrame#messageBar QLabel {{ color: #1a1a1a; }}
"""
