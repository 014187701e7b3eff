"""An assessment as pages and the report show it: per criterion the data's or the district's
score, the city's review, and the final score; the total; the ranking of the districts."""

from suizhou.laborrights.assessment import store
from suizhou.laborrights.assessment.criteria import criteria as current_criteria
from suizhou.laborrights.assessment.scoring import data_results
from suizhou.laborrights.statistics.tables import format_rate
from suizhou.laborrights.vocabularies import registry_terms


def _final(self_score, review_score):
    return review_score if review_score is not None else self_score


def summary(district, year, criteria=None):
    criteria = criteria or current_criteria()
    assessment = store.find(district, year)
    data = data_results(criteria, district, year)
    rows = []
    for criterion in criteria:
        entry = store.entry(assessment, criterion.code) if assessment else None
        result = data.get(criterion.code)
        self_score = result.score if result else (entry["score"] if entry else None)
        review_score = entry["review_score"] if entry else None
        rows.append(
            {
                "criterion": criterion,
                "value": format_rate(result.value) if result else "",
                "count": result.count if result else None,
                "enough": result.enough if result else True,
                "self_score": self_score,
                "note": entry["note"] if entry else "",
                "files": [file.filename for file in entry["files"]] if entry else [],
                "review_score": review_score,
                "review_reason": entry["review_reason"] if entry else "",
                "final": _final(self_score, review_score),
            }
        )
    return {
        "district": district,
        "year": year,
        "state": assessment["state"] if assessment else "draft",
        "rows": rows,
        "total": sum(row["final"] or 0 for row in rows),
        "max_total": sum(c.max_score for c in criteria),
        "enough": all(row["enough"] for row in rows),
    }


def ranking(year):
    """(ranked, unranked): the districts with enough data by total score, highest first (equal
    totals share a place); the others, with too few cases behind a data-scored criterion."""
    criteria = current_criteria()
    names = dict(registry_terms("districts"))
    summaries = [summary(code, year, criteria) | {"title": names[code]} for code in names]
    ranked = sorted((s for s in summaries if s["enough"]), key=lambda s: -s["total"])
    place = 0
    for index, item in enumerate(ranked):
        if index == 0 or item["total"] != ranked[index - 1]["total"]:
            place = index + 1
        item["place"] = place
    return ranked, [s for s in summaries if not s["enough"]]
