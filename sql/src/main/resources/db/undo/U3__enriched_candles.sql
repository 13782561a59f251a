-- Undoes V3__enriched_candles.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
DROP TABLE enriched_candles;
