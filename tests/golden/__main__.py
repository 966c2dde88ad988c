"""`python -m tests.golden` (make golden): write the golden files anew from the sample."""

from __future__ import annotations

from tests.golden import GOLDEN_DIR, golden_outputs


def main() -> None:
    for name, content in golden_outputs().items():
        target = GOLDEN_DIR / name
        before = target.read_bytes() if target.exists() else None
        target.write_bytes(content)
        state = "uændret" if before == content else "skrevet"
        print(f"{state}: tests/golden/{name}")


if __name__ == "__main__":
    main()
