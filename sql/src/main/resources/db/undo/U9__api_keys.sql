-- Undoes V9__api_keys.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
DROP TABLE api_keys;
