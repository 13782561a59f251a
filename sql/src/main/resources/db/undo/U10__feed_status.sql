-- Undoes V10__feed_status.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
DROP TABLE feed_status;
