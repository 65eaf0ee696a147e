"""The one way the benchmarks time a step: the median of many runs, after one warm-up run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(step: Callable[[int], object], repeat: int) -> float:
    """Median milliseconds of ``step(i)`` over ``repeat`` runs (``step(-1)`` warms caches first,
    as the app's own first use would)."""
    step(-1)
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        step(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def once_ms(step: Callable[[], object]) -> float:
    """Milliseconds of a single cold call (what a first use costs)."""
    start = time.perf_counter()
    step()
    return (time.perf_counter() - start) * 1000
