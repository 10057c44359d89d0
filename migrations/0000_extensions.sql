-- Trigram similarity for typo-tolerant search ("did you mean").
CREATE EXTENSION IF NOT EXISTS pg_trgm;
