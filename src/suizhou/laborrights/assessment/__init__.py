"""District assessment (考核): the criteria the city edits, the district's self-assessment
(自查自评) with evidence, the city's review, the ranking and the printed report."""
