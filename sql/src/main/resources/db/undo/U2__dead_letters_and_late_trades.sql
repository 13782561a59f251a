-- Undoes V2__dead_letters_and_late_trades.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
DROP TABLE late_trades;
DROP TABLE dead_letters;
