"""The code lists of the coded columns: the codes a value of each column is read as, in
order (education and theory levels lowest first, disciplinary measures lightest first).
"""

from __future__ import annotations

from collections.abc import Mapping

from cadre_core.vocab._enums import (
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

# Disciplinary measures, lightest first (Law on Cadres and Civil Servants; Party
# regulations). Every one of them is "khiển trách or more" for Decree 335/2025/NĐ-CP.
DISCIPLINE_LEVELS: tuple[str, ...] = (
    "khien_trach",
    "canh_cao",
    "ha_bac_luong",
    "giang_chuc",
    "cach_chuc",
    "bai_nhiem",
    "buoc_thoi_viec",
    "khai_tru",
)

CODE_ENUMS: Mapping[str, tuple[str, ...]] = {
    "gender": Gender.codes(),
    "bloc": Bloc.codes(),
    "category": Category.codes(),
    "education": EducationLevel.codes(),
    "theory": TheoryLevel.codes(),
    "rating": RatingLevel.codes(),
    "topic": TrainingTopic.codes(),
    "discipline": DISCIPLINE_LEVELS,
    "grade": CivilServiceGrade.codes(),
    "state_management": StateManagementLevel.codes(),
    "it_level": ItLevel.codes(),
    "language": LanguageLevel.codes(),
    "general_education": GeneralEducation.codes(),
    "academic_title": AcademicTitle.codes(),
    "council_level": CouncilLevel.codes(),
    "study_place": StudyPlace.codes(),
    "study_mode": StudyMode.codes(),
    "indicator": IndicatorCode.codes(),
}
