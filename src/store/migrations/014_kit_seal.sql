-- An offline kit's key for sealing the log it exports (core/kit_record.h).
-- Kits made before have none: their logs import as before, marked unsealed.
ALTER TABLE kit_builds ADD COLUMN seal_key TEXT NOT NULL DEFAULT '';
