-- Undoes V6__tape_corrections.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
DROP TABLE tape_corrections;
