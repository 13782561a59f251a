-- Undoes V1__candles_and_symbols.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
DROP TABLE candles;
DROP TABLE symbols;
