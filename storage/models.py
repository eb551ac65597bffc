"""Every table of the product, imported in one place so metadata (and Alembic) sees them all."""

from storage import answers, case_reviews, core, escalations, installs, kbedit, reminders  # noqa: F401
from storage.base import Base

metadata = Base.metadata
