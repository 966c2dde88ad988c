"""`python -m tests.golden` (make golden): write the golden files anew from the sample.

A golden file whose path is no longer listed is removed.
"""

from __future__ import annotations

from tests.golden import GOLDEN_DIR, golden_outputs, stored_golden_files


def main() -> None:
    outputs = golden_outputs()
    for path, content in outputs.items():
        target = GOLDEN_DIR / path
        before = target.read_bytes() if target.exists() else None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        state = "uændret" if before == content else "skrevet"
        print(f"{state}: tests/golden/pages/{path}")
    for path in sorted(stored_golden_files() - set(outputs)):
        (GOLDEN_DIR / path).unlink()
        print(f"fjernet: tests/golden/pages/{path}")


if __name__ == "__main__":
    main()
