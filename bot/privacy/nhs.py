"""The NHS number's check digit (moved out of patterns.py to keep it short; patterns re-exports it)."""

from __future__ import annotations


def nhs_number_valid(digits: str) -> bool:
    """Modulus 11 check digit, as the NHS number standard defines it."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])
