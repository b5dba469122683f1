"""Stage 1, vocabulary: the words, codes and national facts every other stage speaks.

Owns the code lists of the roster format (:mod:`._enums`: levels, categories, blocs, topics),
the 54 ethnic groups and their spellings (:mod:`._ethnic`), legacy Vietnamese text repair
(:mod:`._vntext`), the one label table for every user-facing word in Vietnamese and English
(:mod:`._labels`), the one reading of a day (:mod:`._dates`), exact numbers
(:mod:`._numbers`), statutory retirement dates (:mod:`._retirement`), the Decree 335/2025
score bands (:mod:`._scores`), how a worksheet prints (:mod:`._print`), the processors
this process may use (:mod:`._cpus`), the cyclic garbage collector paused while many objects
are built (:mod:`._gc`), package faces whose names are imported when first used
(:mod:`._lazy`) and the package version (:mod:`._version`).

May import: the standard library and third-party packages only, never another
``cadre_core`` stage (it is the bottom layer; see ``docs/architecture.md``).
"""

from typing import TYPE_CHECKING

from cadre_core.vocab._lazy import lazy_names

if TYPE_CHECKING:  # what mypy and the API reference read; imported when first used
    from cadre_core.vocab._dates import DATE_SPELLINGS, DAY_FIRST, DAY_WORDS, ISO_DAY, parse_day
    from cadre_core.vocab._enums import (
        GRADE_CODES,
        LEADERSHIP_CATEGORIES,
        AcademicTitle,
        Bloc,
        Category,
        CivilServiceGrade,
        CouncilLevel,
        EducationLevel,
        Gender,
        GeneralEducation,
        IndicatorCode,
        ItLevel,
        LanguageLevel,
        RatingLevel,
        StateManagementLevel,
        StudyMode,
        StudyPlace,
        TheoryLevel,
        TrainingTopic,
    )
    from cadre_core.vocab._ethnic import (
        ETHNIC_ALIASES,
        ETHNIC_GROUPS,
        KINH,
        EthnicGroup,
        canonical_ethnicity,
        ethnic_key,
        is_minority,
        suggest_ethnicity,
    )
    from cadre_core.vocab._indicators import Indicator, builtin_indicators
    from cadre_core.vocab._labels import (
        LANGS,
        body_name,
        check_lang,
        fmt_date,
        fmt_decimal,
        fmt_pct,
        label,
    )
    from cadre_core.vocab._numbers import to_fraction
    from cadre_core.vocab._retirement import LEGAL_SOURCE as RETIREMENT_SOURCE
    from cadre_core.vocab._retirement import (
        retirement_age_months,
        retirement_date,
        retirement_dates,
    )
    from cadre_core.vocab._scores import (
        AGGREGATE_COLUMNS,
        DEFAULT_BANDS,
        ND335,
        ND335_BANDS,
        ND335_CAP,
        ND335_DISCIPLINE,
        aggregate_scores,
        bands_of,
        excellent_cap_check,
        score_levels,
    )
    from cadre_core.vocab._version import __version__
    from cadre_core.vocab._vntext import (
        LegacyEncoding,
        convert_tcvn3,
        convert_vni,
        detect_legacy_encoding,
        fix_legacy_text,
    )

#: Where each public name is defined (:func:`cadre_core.vocab._lazy.lazy_names`).
_LAZY = {
    "DATE_SPELLINGS": "._dates",
    "DAY_FIRST": "._dates",
    "DAY_WORDS": "._dates",
    "ISO_DAY": "._dates",
    "parse_day": "._dates",
    "GRADE_CODES": "._enums",
    "LEADERSHIP_CATEGORIES": "._enums",
    "AcademicTitle": "._enums",
    "Bloc": "._enums",
    "Category": "._enums",
    "CivilServiceGrade": "._enums",
    "CouncilLevel": "._enums",
    "EducationLevel": "._enums",
    "Gender": "._enums",
    "GeneralEducation": "._enums",
    "IndicatorCode": "._enums",
    "ItLevel": "._enums",
    "LanguageLevel": "._enums",
    "RatingLevel": "._enums",
    "StateManagementLevel": "._enums",
    "StudyMode": "._enums",
    "StudyPlace": "._enums",
    "TheoryLevel": "._enums",
    "TrainingTopic": "._enums",
    "ETHNIC_ALIASES": "._ethnic",
    "ETHNIC_GROUPS": "._ethnic",
    "KINH": "._ethnic",
    "EthnicGroup": "._ethnic",
    "canonical_ethnicity": "._ethnic",
    "ethnic_key": "._ethnic",
    "is_minority": "._ethnic",
    "suggest_ethnicity": "._ethnic",
    "Indicator": "._indicators",
    "builtin_indicators": "._indicators",
    "LANGS": "._labels",
    "body_name": "._labels",
    "check_lang": "._labels",
    "fmt_date": "._labels",
    "fmt_decimal": "._labels",
    "fmt_pct": "._labels",
    "label": "._labels",
    "to_fraction": "._numbers",
    "RETIREMENT_SOURCE": "._retirement:LEGAL_SOURCE",
    "retirement_age_months": "._retirement",
    "retirement_date": "._retirement",
    "retirement_dates": "._retirement",
    "AGGREGATE_COLUMNS": "._scores",
    "DEFAULT_BANDS": "._scores",
    "ND335": "._scores",
    "ND335_BANDS": "._scores",
    "ND335_CAP": "._scores",
    "ND335_DISCIPLINE": "._scores",
    "aggregate_scores": "._scores",
    "bands_of": "._scores",
    "excellent_cap_check": "._scores",
    "score_levels": "._scores",
    "__version__": "._version",
    "LegacyEncoding": "._vntext",
    "convert_tcvn3": "._vntext",
    "convert_vni": "._vntext",
    "detect_legacy_encoding": "._vntext",
    "fix_legacy_text": "._vntext",
}
if not TYPE_CHECKING:  # mypy reads the imports above: a misspelt name is still an error
    __getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())

__all__ = [
    "AGGREGATE_COLUMNS",
    "DATE_SPELLINGS",
    "DAY_FIRST",
    "DAY_WORDS",
    "DEFAULT_BANDS",
    "ETHNIC_ALIASES",
    "ETHNIC_GROUPS",
    "GRADE_CODES",
    "ISO_DAY",
    "KINH",
    "LANGS",
    "LEADERSHIP_CATEGORIES",
    "ND335",
    "ND335_BANDS",
    "ND335_CAP",
    "ND335_DISCIPLINE",
    "RETIREMENT_SOURCE",
    "AcademicTitle",
    "Bloc",
    "Category",
    "CivilServiceGrade",
    "CouncilLevel",
    "EducationLevel",
    "EthnicGroup",
    "Gender",
    "GeneralEducation",
    "Indicator",
    "IndicatorCode",
    "ItLevel",
    "LanguageLevel",
    "LegacyEncoding",
    "RatingLevel",
    "StateManagementLevel",
    "StudyMode",
    "StudyPlace",
    "TheoryLevel",
    "TrainingTopic",
    "__version__",
    "aggregate_scores",
    "bands_of",
    "body_name",
    "builtin_indicators",
    "canonical_ethnicity",
    "check_lang",
    "convert_tcvn3",
    "convert_vni",
    "detect_legacy_encoding",
    "ethnic_key",
    "excellent_cap_check",
    "fix_legacy_text",
    "fmt_date",
    "fmt_decimal",
    "fmt_pct",
    "is_minority",
    "label",
    "parse_day",
    "retirement_age_months",
    "retirement_date",
    "retirement_dates",
    "score_levels",
    "suggest_ethnicity",
    "to_fraction",
]
