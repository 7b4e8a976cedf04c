-- PostgreSQL form of src/store/migrations/008_asset_numbers.sql: the same tables, columns,
-- indexes and rules (integers are BIGINT, generated ids are identities,
-- triggers are PL/pgSQL functions).

-- Every device has a 管理番号 from now on: it is the key that matches a row
-- of the ledger coming back from Excel (別紙２) to the device it describes,
-- so a device without one could be exported but never re-imported. New
-- devices saved without a number get the next free "M-0001", "M-0002" …
-- (core::number_unnumbered_devices); this numbers the devices stored
-- before, by id, skipping a number someone already typed.
UPDATE devices
   SET asset_number = 'M-' || lpad(id::text, 4, '0')
 WHERE trim(asset_number) = ''
   AND NOT EXISTS (SELECT 1 FROM devices AS other
                    WHERE lower(trim(other.asset_number)) = lower('M-' || lpad(devices.id::text, 4, '0')));
