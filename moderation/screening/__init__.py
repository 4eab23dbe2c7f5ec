"""The one text-safety pipeline: every post and chat message is screened before it is stored.

Use `from moderation.screening import screen`. The names load on first use
because the rule models themselves validate rules with this package's parser.
"""

__all__ = ["Action", "Match", "Screening", "combine", "screen"]


def __getattr__(name: str):
    if name in __all__:
        from moderation.screening import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
