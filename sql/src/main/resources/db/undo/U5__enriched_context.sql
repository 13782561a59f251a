-- Undoes V5__enriched_context.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
ALTER TABLE enriched_candles
    DROP COLUMN context,
    DROP COLUMN features,
    DROP COLUMN feature_schema_version,
    DROP COLUMN description,
    DROP COLUMN metadata,
    DROP COLUMN embedding;
