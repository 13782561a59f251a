-- Undoes V4__chart_patterns.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
DROP TABLE chart_patterns;
