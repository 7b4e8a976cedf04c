-- PostgreSQL form of src/store/migrations/014_kit_seal.sql.
ALTER TABLE kit_builds ADD COLUMN seal_key TEXT NOT NULL DEFAULT '';
