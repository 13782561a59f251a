-- Undoes V8__provider_bars_and_statuses.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
DROP TABLE trading_statuses;
DROP TABLE provider_bars;
