"""Knowledge base: what each partnership's published safeguarding arrangements say."""

from knowledge.base import DATA_DIR, KnowledgeBase, KnowledgeBaseError, load_knowledge_base
from knowledge.models import (
    Contact,
    Entry,
    EscalationRoute,
    EscalationStep,
    GovernanceGroup,
    RelevantAgency,
    Source,
    StepWindow,
    ThresholdFramework,
    ThresholdLevel,
    Timescale,
)

__all__ = [
    "DATA_DIR",
    "Contact",
    "Entry",
    "EscalationRoute",
    "EscalationStep",
    "GovernanceGroup",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "RelevantAgency",
    "Source",
    "StepWindow",
    "ThresholdFramework",
    "ThresholdLevel",
    "Timescale",
    "load_knowledge_base",
]
