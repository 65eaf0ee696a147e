"""Reading and writing letters and their companion files (locks, recovery copies). No Qt here."""
